/**
 * A refusal of the domain. `code` names the rule broken (a DOMAIN.md id) or the generic reason;
 * `title` is Chinese for the applicant-facing screen, `detail` English for developers.
 * `category` lets the edge choose a status without the domain knowing HTTP.
 */
export type DomainErrorCategory = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

export interface DomainError {
  readonly kind: 'DomainError';
  readonly code: DomainErrorCode;
  readonly category: DomainErrorCategory;
  readonly title: string;
  readonly detail: string;
  readonly field?: string;
}

export type DomainErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'CASE_NOT_FOUND'
  | 'CASE_ALREADY_EXISTS'
  | 'ROLE_NOT_ALLOWED'
  | 'OUT_OF_SCOPE'
  | 'VALIDATION_FAILED'
  | 'MATTER_NOT_FOUND'
  | 'F1_NOT_FIRST_RESPONDER'
  | 'F2_REFERRAL_WITHOUT_HANDLER'
  | 'F2_REFERRAL_ALREADY_MADE'
  | 'N1_NOTICE_WITHOUT_ITEMS'
  | 'N3_REPEATED_NOTICE'
  | 'N4_REJECTION_WITHOUT_REASON'
  | 'N4_COMPETENT_AUTHORITY_REQUIRED'
  | 'N5_RECEIPT_NUMBER_REQUIRED'
  | 'T2_YEAR_INVALID'
  | 'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY'
  | 'T5_LIMIT_INVALID'
  | 'T14_OUT_OF_BOUNDS'
  | 'T6_SUSPENSION_INCOMPLETE'
  | 'T6_SUSPENSION_NOT_FOUND'
  | 'T6_NOTIFIED_BEFORE_RECEIPT'
  | 'T7_SECOND_EXTENSION'
  | 'T7_EXTENSION_AFTER_DEADLINE'
  | 'T7_EXTENSION_TOO_LONG'
  | 'T7_EXTENSION_INCOMPLETE'
  | 'T7_NOT_EXTENDABLE'
  | 'U2_LATE_ENTRY_REASON_REQUIRED'
  | 'U2_OCCURRED_IN_FUTURE'
  | 'U2_OCCURRED_BEFORE_PREVIOUS_STEP'
  | 'C4_CARD_NOT_FOUND'
  | 'C4_CARD_ALREADY_REVOKED'
  | 'C4_REVOCATION_REASON_REQUIRED'
  | 'C5_EXPLANATION_WRONG_DEPARTMENT'
  | 'C5_EXPLANATION_ALREADY_GIVEN'
  | 'C5_EXPLANATION_NOT_NEEDED'
  | 'P1_COMPLAINT_INCOMPLETE'
  | 'P2_COMPLAINT_NOT_FOUND'
  | 'P2_COMPLAINT_ALREADY_CONCLUDED'
  | 'P4_SCORE_OUT_OF_RANGE'
  | 'P4_EVALUATION_NOT_FOUND'
  | 'P4_RECTIFICATION_NOT_NEEDED'
  | 'P4_ALREADY_RECTIFIED'
  | 'A3_VIOLATION_NOT_FOUND'
  | 'A3_ACTION_INCOMPLETE'
  | CatalogedRefusalCode;

/**
 * The refusals of the statutory steps and of 好差评 (T6, T12, T13, N6, P1, P2, P5, P6), each with its
 * category and Chinese title in one place: a decider refuses with `refuse(code, detail, field)`, and
 * the OpenAPI problems of a route are taken from here, so no title is written twice.
 */
export const STEP_REFUSALS = {
  T6_SUSPENSION_TYPE_NOT_ALLOWED: { category: 'rule', title: '特殊环节类型不属于法定或本中心规定的类型' },
  T12_DELIVERY_NOT_DUE: { category: 'rule', title: '仅准予许可的决定须另行送达' },
  T12_ALREADY_DELIVERED: { category: 'rule', title: '许可证件已送达' },
  T13_NOT_ESCALATED: { category: 'rule', title: '仅上报件须初审转报' },
  T13_ALREADY_REVIEWED: { category: 'rule', title: '已完成初审并转报' },
  T13_REVIEW_INCOMPLETE: { category: 'rule', title: '初审须写明意见及转报机关' },
  N6_DENIAL_WITHOUT_REASONS: { category: 'rule', title: '不予许可须书面说明理由' },
  N6_DENIAL_WITHOUT_REMEDIES_NOTICE: {
    category: 'rule',
    title: '不予许可须告知申请行政复议或提起行政诉讼的权利',
  },
  P1_COMPLAINT_ALREADY_RECEIVED: { category: 'conflict', title: '投诉已登记' },
  P2_COMPLAINT_ALREADY_INVESTIGATING: { category: 'rule', title: '投诉已在调查中' },
  COMPLAINT_NOT_FOUND: { category: 'not_found', title: '投诉不存在' },
  P5_CHANNEL_ALREADY_RATED: { category: 'rule', title: '该渠道已评价，每个办件每个渠道只能评价一次' },
  P5_NOT_DECIDED_YET: { category: 'rule', title: '办件尚未办结，不能邀请评价' },
  P5_INVITATION_INVALID: { category: 'not_found', title: '评价邀请无效' },
  P5_INVITATION_EXPIRED: { category: 'rule', title: '评价邀请已过期' },
  P5_INVITATION_USED: { category: 'conflict', title: '评价邀请已使用' },
  P6_NOT_A_BAD_REVIEW: { category: 'rule', title: '仅差评须回访或可申诉' },
  P6_CALLBACK_ALREADY_RECORDED: { category: 'rule', title: '已记录回访' },
  P6_APPEAL_TOO_LATE: { category: 'rule', title: '已超过申诉期限' },
  P6_ALREADY_APPEALED: { category: 'rule', title: '该差评已申诉' },
  P6_APPEAL_NOT_FOUND: { category: 'not_found', title: '申诉不存在' },
  P6_APPEAL_ALREADY_DECIDED: { category: 'rule', title: '申诉已裁定' },
} as const satisfies Record<string, { category: DomainErrorCategory; title: string }>;

export type CatalogedRefusalCode = keyof typeof STEP_REFUSALS;

/** A refusal of the catalog: category and title from `STEP_REFUSALS` (pages: errors/step-refusal-pages.ts), detail in English. */
export function refuse(code: CatalogedRefusalCode, detail: string, field?: string): DomainError {
  const entry = STEP_REFUSALS[code];
  return domainError(code, entry.category, entry.title, detail, field);
}

export function domainError(
  code: DomainErrorCode,
  category: DomainErrorCategory,
  title: string,
  detail: string,
  field?: string,
): DomainError {
  return field === undefined
    ? { kind: 'DomainError', code, category, title, detail }
    : { kind: 'DomainError', code, category, title, detail, field };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}
