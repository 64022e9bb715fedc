/**
 * The Chinese name of every code a person reads: event types, statuses, roles, levels, steps,
 * actions, violations, kinds, channels, suspension types and outcomes (DOMAIN.md's terms). One
 * place for each name (issue 13): the auditor's dossier (apps/api/src/audit) and the supervision
 * console (apps/console, which loads this module in the browser as it is compiled) read the same
 * tables, so a case's status cannot read one way on a screen and another in a dossier.
 *
 * Plain data with no imports: the console serves the compiled file to the browser unchanged.
 * labels.spec.ts checks that every event type, status and role has its name.
 */

const eventLabels = {
  InquiryRegistered: '咨询登记（首问）',
  InquiryAnswered: '答复咨询',
  InquiryReferred: '转办',
  ApplicationReceived: '收件',
  SupplementRequested: '一次性告知补正',
  SupplementReceived: '补正材料',
  ApplicationRejected: '不予受理',
  ApplicationAccepted: '受理（承诺办结时间）',
  CaseSuspended: '特殊环节（暂停计时）',
  CaseResumed: '恢复计时',
  ExtensionGranted: '延期',
  CaseCompleted: '办结决定',
  DecisionDelivered: '送达（T12）',
  PreliminaryReviewCompleted: '初审转报（T13）',
  EvaluationInvitationIssued: '发出评价邀请',
  EvaluationCallbackRecorded: '差评回访',
  EvaluationAppealed: '差评申诉',
  EvaluationAppealDecided: '申诉裁定',
  CaseWithdrawn: '撤回',
  ComplaintFiled: '投诉',
  ComplaintConcluded: '投诉办结',
  EvaluationSubmitted: '评价',
  EvaluationRectified: '差评整改',
  WarningIssued: '预警',
  YellowCardIssued: '黄牌',
  RedCardIssued: '红牌',
  StepOverdueFlagged: '环节超时',
  ReferralFollowUpWarningIssued: '转办督办提醒',
  ExplanationSubmitted: '书面说明',
  // "亮牌" as the refusal catalog says it (C4_CARD_NOT_FOUND, C5).
  CardRevoked: '撤销亮牌',
  AccountabilityActionRecorded: '责任追究',
  PublicCriticismRecommended: '建议通报批评',
  PersonalDataErased: '个人信息删除（I2）',
  ComplaintPersonalDataErased: '投诉人个人信息删除（I2）',
  // A complaint of its own stream (P1), not about a case.
  ComplaintReceived: '收到投诉',
  ComplaintInvestigationStarted: '开始调查投诉',
  ComplaintConclusionRecorded: '投诉调查结论',
  ComplaintOverdueFlagged: '投诉办理超时',
} as const;

const statusLabels = {
  none: '未登记',
  inquiry: '咨询',
  referred: '已转办',
  answered: '已答复',
  received: '已收件',
  awaitingSupplement: '待补正',
  rejected: '不予受理',
  accepted: '已受理',
  suspended: '特殊环节',
  decided: '已决定待送达',
  completed: '已办结',
  withdrawn: '已撤回',
} as const;

// DOMAIN.md "Who uses it": guide (咨询导办), approver (审批/负责人).
const roleLabels = {
  guide: '咨询导办',
  proxy: '帮办代办',
  window: '窗口人员',
  approver: '审批负责人',
  supervisor: '中心督查',
  auditor: '纪检监察',
  admin: '系统管理员',
  system: '电子监察系统',
  applicant: '服务对象',
} as const;

/** The event types, statuses and roles named here (labels.spec.ts holds them against the domain's). */
export type LabelledEventType = keyof typeof eventLabels;
export type LabelledStatus = keyof typeof statusLabels;
export type LabelledRole = keyof typeof roleLabels;

export const EVENT_LABELS: Readonly<Record<string, string>> = eventLabels;
export const STATUS_LABELS: Readonly<Record<string, string>> = statusLabels;
export const ROLE_LABELS: Readonly<Record<string, string>> = roleLabels;

export const LEVEL_LABELS: Readonly<Record<string, string>> = {
  normal: '正常',
  warning: '预警',
  yellow: '黄牌',
  red: '红牌',
};

export const STEP_LABELS: Readonly<Record<string, string>> = {
  supplement_notice: '补正告知超时（N2）',
  explanation: '书面说明超时（C5）',
  referral: '转办未结（F3）',
  complaint: '投诉办理超时（P2）',
  rectification: '差评整改超时（P4）',
  delivery: '送达超时（T12）',
  preliminary_review: '初审转报超时（T13）',
  callback: '差评回访超时（P6）',
};

export const ACTION_LABELS: Readonly<Record<string, string>> = {
  reminder: '提醒',
  criticism: '批评教育',
  warning: '告诫',
  public_criticism: '通报批评',
  discipline: '纪律处分',
};

export const VIOLATION_LABELS: Readonly<Record<string, string>> = {
  LATE_NOTICE: '补正告知超时',
  REPEATED_NOTICE: '违反一次性告知',
  REJECTION_WITHOUT_REASON: '不予受理未说明理由',
  REFERRAL_NOT_FOLLOWED: '转办未督办',
  OVERDUE: '超期（黄牌）',
  SERIOUSLY_OVERDUE: '严重超期（红牌）',
  EXTENSION_IRREGULAR: '延期不规范',
  EXPLANATION_MISSING: '未按时书面说明',
  COMPLAINT_SUBSTANTIATED: '投诉属实',
  BAD_REVIEW_NOT_RECTIFIED: '差评未整改',
  BACKDATED_ENTRY: '补录',
  LATE_DELIVERY: '送达超时',
  LATE_PRELIMINARY_REVIEW: '初审转报超时',
  LOCAL_SUSPENSION: '地方特殊环节',
  PROXY_RATING: '代为评价',
  CALLBACK_MISSING: '差评未按时回访',
};

export const KIND_LABELS: Readonly<Record<string, string>> = {
  immediate: '即办件',
  promised: '承诺件',
  escalated: '上报件',
};

export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  window: '窗口',
  phone: '电话',
  online: '网上',
  sms: '短信',
  written: '书面',
};

export const SUSPENSION_LABELS: Readonly<Record<string, string>> = {
  hearing: '听证',
  testing: '检验检测',
  quarantine: '检疫',
  appraisal: '鉴定',
  expert_review: '专家评审',
  site_survey: '现场勘查',
  public_notice: '公示',
};

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  approved: '准予许可',
  denied: '不予许可',
};
