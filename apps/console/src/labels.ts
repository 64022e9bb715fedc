/** The Chinese names the console shows for the API's codes (DOMAIN.md terms). */
export const LEVEL_LABELS: Readonly<Record<string, string>> = {
  normal: '正常',
  warning: '预警',
  yellow: '黄牌',
  red: '红牌',
};

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  none: '未登记',
  inquiry: '咨询',
  answered: '已答复',
  referred: '已转办',
  received: '已收件',
  awaitingSupplement: '待补正',
  rejected: '不予受理',
  accepted: '已受理',
  suspended: '已中止',
  completed: '已办结',
  withdrawn: '已撤回',
};

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  guide: '导办人员',
  proxy: '帮办代办',
  window: '窗口人员',
  approver: '审批人员',
  supervisor: '中心督查',
  auditor: '纪检监察',
  admin: '系统管理员',
  system: '电子监察系统',
};

export const EVENT_LABELS: Readonly<Record<string, string>> = {
  InquiryRegistered: '首问登记',
  InquiryAnswered: '答复咨询',
  InquiryReferred: '转办',
  ApplicationReceived: '收件',
  SupplementRequested: '一次性告知补正',
  SupplementReceived: '补正材料',
  ApplicationRejected: '不予受理',
  ApplicationAccepted: '受理',
  CaseSuspended: '中止计时',
  CaseResumed: '恢复计时',
  ExtensionGranted: '延期',
  CaseCompleted: '办结',
  CaseWithdrawn: '撤回',
  ComplaintFiled: '投诉',
  ComplaintConcluded: '投诉办结',
  EvaluationSubmitted: '好差评',
  EvaluationRectified: '差评整改',
  WarningIssued: '预警',
  YellowCardIssued: '黄牌',
  RedCardIssued: '红牌',
  StepOverdueFlagged: '环节超时',
  ReferralFollowUpWarningIssued: '转办跟进预警',
  ExplanationSubmitted: '提交情况说明',
  CardRevoked: '撤销亮牌',
  AccountabilityActionRecorded: '问责处理',
  PublicCriticismRecommended: '建议通报批评',
};

export const label = (labels: Readonly<Record<string, string>>, code: string | null | undefined): string =>
  code === null || code === undefined ? '—' : (labels[code] ?? code);
