/**
 * The /problems pages of the statutory-step and 好差评 refusals (T6, T12, T13, N6, P1, P2, P5, P6):
 * the rule and the fix for each code. Titles are STEP_REFUSALS' own, referenced, never written again.
 */
import { STEP_REFUSALS, type CatalogedRefusalCode } from './step-refusals.js';
import { catalogued, type DomainRefusalEntry } from './refusal-entry.js';

type Texts = readonly [ruleZh: string, ruleEn: string, fixZh: string, fixEn: string];

const TEXTS: Readonly<Record<CatalogedRefusalCode, Texts>> = {
  T6_SUSPENSION_TYPE_NOT_ALLOWED: [
    'T6：特殊环节须是法定类型（听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审）或本中心配置的地方类型。',
    'T6: a suspension is one of art. 45’s types or a local type the center allows.',
    '选择法定类型，或由管理员在中心配置中加入地方类型。',
    'Choose a statutory type, or have an admin allow the local type for the center.',
  ],
  T12_DELIVERY_NOT_DUE: [
    'T12：只有准予许可的决定须另行送达；不予许可随决定送达。',
    'T12: only an approval is delivered as its own step; a denial is delivered with its decision.',
    '核对办件是否为已准予、待送达。',
    'Check that the case is an approval awaiting delivery.',
  ],
  T12_ALREADY_DELIVERED: [
    'T12：许可证件只送达一次。',
    'T12: a licence is delivered once.',
    '无需再次送达。',
    'Nothing to do: it is delivered.',
  ],
  T13_NOT_ESCALATED: [
    'T13：只有上报件须初审并转报上级机关。',
    'T13: only an escalated case has a preliminary review.',
    '核对事项类型。',
    'Check the matter’s kind.',
  ],
  T13_ALREADY_REVIEWED: [
    'T13：初审并转报只记录一次。',
    'T13: a preliminary review is recorded once.',
    '无需再次记录。',
    'Nothing to do: it is recorded.',
  ],
  T13_REVIEW_INCOMPLETE: [
    'T13：初审须写明意见及转报的上级机关。',
    'T13: a preliminary review states its opinion and the authority it is forwarded to.',
    '填写 opinion 和 forwardedTo。',
    'Give opinion and forwardedTo.',
  ],
  N6_DENIAL_WITHOUT_REASONS: [
    'N6：不予许可须书面说明理由（行政许可法第三十八条）。',
    'N6: a denial gives written reasons (art. 38).',
    '在 reasons 中写明理由。',
    'Give the reasons in reasons.',
  ],
  N6_DENIAL_WITHOUT_REMEDIES_NOTICE: [
    'N6：不予许可须告知申请人申请行政复议或提起行政诉讼的权利。',
    'N6: a denial tells the applicant of the rights to administrative reconsideration and to an administrative suit.',
    '在 remediesNotice 中写明复议和诉讼的权利。',
    'State both rights, reconsideration and suit, in remediesNotice.',
  ],
  P1_COMPLAINT_ALREADY_RECEIVED: [
    'P1：一件投诉只登记一次。',
    'P1: a complaint is registered once.',
    '查询已登记的投诉。',
    'Look up the complaint already registered.',
  ],
  P2_COMPLAINT_ALREADY_INVESTIGATING: [
    'P2：投诉的调查只开始一次。',
    'P2: a complaint’s investigation starts once.',
    '继续调查并办结。',
    'Go on with the investigation and conclude it.',
  ],
  COMPLAINT_NOT_FOUND: [
    'P1：投诉须以受理编号和查询码查询。',
    'P1: a complaint is found by its receipt number and query code.',
    '核对受理编号和查询码。',
    'Check the receipt number and the query code.',
  ],
  P5_CHANNEL_ALREADY_RATED: [
    'P5：每个办件每个渠道只评价一次。',
    'P5: one rating per case and channel.',
    '无需再次评价。',
    'Nothing to do: this channel has rated.',
  ],
  P5_NOT_DECIDED_YET: [
    'P5：办结后才邀请评价。',
    'P5: the invitation to rate is issued once the case is decided.',
    '办结后再邀请。',
    'Invite once the case is decided.',
  ],
  P5_INVITATION_INVALID: [
    'P5：评价邀请须是本系统签发的有效邀请。',
    'P5: an invitation is one this system signed.',
    '使用窗口签发的链接或二维码。',
    'Use the link or QR code the window issued.',
  ],
  P5_INVITATION_EXPIRED: [
    'P5：评价邀请在有效期内使用。',
    'P5: an invitation is used before it expires.',
    '请窗口重新签发邀请。',
    'Ask the window for a new invitation.',
  ],
  P5_INVITATION_USED: [
    'P5：评价邀请只能使用一次。',
    'P5: an invitation works once.',
    '无需再次评价。',
    'Nothing to do: the rating is recorded.',
  ],
  P6_NOT_A_BAD_REVIEW: [
    'P6：只有差评（1、2 分）须回访，也只有差评可申诉。',
    'P6: only a bad review (1 or 2) has a callback or an appeal.',
    '核对评价编号。',
    'Check the evaluation number.',
  ],
  P6_CALLBACK_ALREADY_RECORDED: [
    'P6：每条差评的回访记录一次。',
    'P6: a bad review’s callback is recorded once.',
    '无需再次记录。',
    'Nothing to do: it is recorded.',
  ],
  P6_APPEAL_TOO_LATE: [
    'P6：部门须在 5 个工作日内申诉。',
    'P6: the department appeals within 5 working days.',
    '期限已过，不能申诉。',
    'The period has passed; no appeal is possible.',
  ],
  P6_ALREADY_APPEALED: [
    'P6：每条差评只申诉一次。',
    'P6: a bad review is appealed once.',
    '等待督查裁定。',
    'Wait for the supervisor’s decision.',
  ],
  P6_APPEAL_NOT_FOUND: [
    'P6：只能裁定已提出的申诉。',
    'P6: only an appeal that was made is decided.',
    '核对评价编号。',
    'Check the evaluation number.',
  ],
  P6_APPEAL_ALREADY_DECIDED: [
    'P6：申诉只裁定一次。',
    'P6: an appeal is decided once.',
    '无需再次裁定。',
    'Nothing to do: it is decided.',
  ],
  I2_ALREADY_ERASED: [
    'I2：一个办件或投诉的个人信息只删除一次。',
    'I2: the personal data of a case or a complaint is erased once.',
    '无需再次删除；事件中只留下删除记录。',
    'Nothing to do: the events keep only the record of the erasure.',
  ],
  I2_LEGAL_BASIS_REQUIRED: [
    'I2：删除个人信息须写明法律依据（个人信息保护法第四十七条）。',
    'I2: an erasure states its legal basis (Personal Information Protection Law art. 47).',
    '在 legalBasis 中写明依据，如保存期限届满或当事人依法请求。',
    'State the basis in legalBasis: the retention period ended, or a lawful request.',
  ],
};

export const STEP_REFUSAL_PAGES = Object.fromEntries(
  (Object.keys(TEXTS) as CatalogedRefusalCode[]).map((code) => [
    code,
    catalogued(STEP_REFUSALS[code].category, STEP_REFUSALS[code].title, ...TEXTS[code]),
  ]),
) as Readonly<Record<CatalogedRefusalCode, DomainRefusalEntry>>;
