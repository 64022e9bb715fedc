import type { DomainErrorCategory } from './domain-error.js';

/**
 * The refusals of the statutory steps and of 好差评 (T6, T12, T13, N6, P1, P2, P5, P6, I2), each with its
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
  I2_ALREADY_ERASED: { category: 'conflict', title: '个人信息已删除' },
  I2_LEGAL_BASIS_REQUIRED: { category: 'invalid', title: '删除个人信息须写明法律依据' },
} as const satisfies Record<string, { category: DomainErrorCategory; title: string }>;

export type CatalogedRefusalCode = keyof typeof STEP_REFUSALS;
