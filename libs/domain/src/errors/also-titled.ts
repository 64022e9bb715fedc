/** The other titles of shared codes, named once: a refusal picks one with `refuse(…, as)`. */
export const ALSO_TITLED = {
  complaintExists: '投诉已存在',
  actionExists: '追责记录已存在',
  policyInvalid: '时效策略不合法',
  bodyNotJson: '请求体不是合法的JSON',
  notifiedInFuture: '告知时间不能晚于当前时间',
} as const;
