/** Catalog entries (refusal-catalog.ts): cards (C), complaints and evaluations (P), accountability (A), administration (T1, T2, C7). */
import { refusal } from './refusal-entry.js';

const T1 = (fixZh: string, fixEn: string) =>
  refusal(
    '办公时间设置不合法',
    'T1：办公时间为一天内按时间先后排列、互不重叠的时段。',
    'T1: office hours are periods of a day, in order, not overlapping.',
    fixZh,
    fixEn,
  );

const T2 = (fixZh: string, fixEn: string) =>
  refusal(
    '节假日安排不合法',
    'T2：节假日安排按国务院通知发布：日期属于该年，调休上班日为周末，同一天不能既放假又上班。',
    'T2: a holiday notice follows the State Council’s: dates in its year, adjusted workdays on weekends, no day both.',
    fixZh,
    fixEn,
  );

export const SUPERVISION_REFUSALS = {
  C4_CARD_NOT_FOUND: refusal(
    '亮牌记录不存在',
    'C4：亮牌记录在办件的事件中，编号如 yellow-202603091730。',
    'C4: cards are events of the case, with ids like yellow-202603091730.',
    '从 GET /cases/{id} 的 cards 中取编号。',
    'Take the id from the cards of GET /cases/{id}.',
  ),
  C4_CARD_ALREADY_REVOKED: refusal(
    '该牌已撤销',
    'C4：一张牌只能撤销一次。',
    'C4: a card is revoked once.',
    '无需再撤销。',
    'Nothing to do: it is revoked.',
  ),
  C4_REVOCATION_REASON_REQUIRED: refusal(
    '撤销须说明理由',
    'C4：督查撤销亮牌须说明理由。',
    'C4: a supervisor revokes a card only with a reason.',
    '填写 reason。',
    'Give reason.',
  ),
  C5_EXPLANATION_WRONG_DEPARTMENT: refusal(
    '须由被亮牌部门作出说明',
    'C5：书面说明由被亮牌的部门作出。',
    'C5: the department that got the card explains it.',
    '由办件所属部门的人员提交说明。',
    'Let staff of the case’s department explain.',
  ),
  C5_EXPLANATION_ALREADY_GIVEN: refusal(
    '已提交书面说明',
    'C5：每张牌只说明一次。',
    'C5: a card is explained once.',
    '无需再次说明。',
    'Nothing to do: it is explained.',
  ),
  C5_EXPLANATION_NOT_NEEDED: refusal(
    '预警无需书面说明',
    'C5：只有黄牌和红牌需要书面说明。',
    'C5: only yellow and red cards need a written explanation.',
    '预警无需说明。',
    'A warning needs none.',
  ),
  C7_POLICY_VERSION_EXISTS: refusal(
    '时效策略版本已存在',
    'C7：时效策略按版本记录，版本号不重复。',
    'C7: the timeliness policy is versioned; a version is recorded once.',
    '使用新的 version。',
    'Use a new version.',
  ),
  P1_COMPLAINT_INCOMPLETE: refusal(
    '投诉须写明渠道、对象和内容',
    'P1：投诉须记录渠道、对象和内容。',
    'P1: a complaint records its channel, subject and content.',
    '补充 channel 和 content。',
    'Add channel and content.',
  ),
  P2_COMPLAINT_NOT_FOUND: refusal(
    '投诉不存在',
    'P2：只能办结已登记的投诉。',
    'P2: only a registered complaint is concluded.',
    '核对投诉编号。',
    'Check the complaint id.',
  ),
  P2_COMPLAINT_ALREADY_CONCLUDED: refusal(
    '投诉已办结',
    'P2：投诉只办结一次。',
    'P2: a complaint is concluded once.',
    '无需再次办结。',
    'Nothing to do: it is concluded.',
  ),
  P4_SCORE_OUT_OF_RANGE: refusal(
    '评价分值须为1至5',
    'P4：评价分为1（非常不满意）至5（非常满意）的整数。',
    'P4: an evaluation is a whole number from 1 (very dissatisfied) to 5 (very satisfied).',
    '把 score 改为1至5的整数。',
    'Send a whole number from 1 to 5 as score.',
  ),
  P4_EVALUATION_NOT_FOUND: refusal(
    '评价不存在',
    'P4：只能整改已记录的评价。',
    'P4: only a recorded evaluation is rectified.',
    '核对评价序号。',
    'Check the evaluation number.',
  ),
  P4_RECTIFICATION_NOT_NEEDED: refusal(
    '非差评无需整改',
    'P4：只有差评（1或2分）需核实整改。',
    'P4: only bad reviews (score 1 or 2) are verified and rectified.',
    '无需整改。',
    'Nothing to rectify.',
  ),
  P4_ALREADY_RECTIFIED: refusal(
    '差评已整改',
    'P4：差评只整改一次。',
    'P4: a bad review is rectified once.',
    '无需再次整改。',
    'Nothing to do: it is rectified.',
  ),
  A3_VIOLATION_NOT_FOUND: refusal(
    '违规记录不存在',
    'A3：问责针对办件事件证明的违规。',
    'A3: an accountability action concerns a violation the case’s events prove.',
    '从档案（GET /cases/{id}/dossier）的 violations 中取违规编号。',
    'Take the violation id from the dossier (GET /cases/{id}/dossier).',
  ),
  A3_ACTION_INCOMPLETE: refusal(
    '须写明追责说明',
    'A3：问责措施须写明说明。',
    'A3: an accountability action records a note.',
    '填写 note。',
    'Give note.',
  ),
  T1_OFFICE_HOURS_EMPTY: T1('至少设置一个办公时段。', 'Give at least one office period.'),
  T1_OFFICE_TIME_INVALID: T1('时间写作 HH:mm，如 08:30。', 'Write times as HH:mm, e.g. 08:30.'),
  T1_OFFICE_PERIOD_EMPTY: T1('每个时段的结束须晚于开始。', 'End each period after its start.'),
  T1_OFFICE_PERIODS_UNSORTED: T1('按时间先后排列时段。', 'List the periods in order.'),
  T1_OFFICE_PERIODS_OVERLAP: T1('时段不能重叠。', 'Make the periods not overlap.'),
  T2_SOURCE_MISSING: T2('写明通知来源（notice）。', 'Name the notice it comes from (notice).'),
  T2_DATE_INVALID: T2('日期写作 YYYY-MM-DD。', 'Write dates as YYYY-MM-DD.'),
  T2_DATE_OUTSIDE_YEAR: T2('只列该年份内的日期。', 'List dates of that year only.'),
  T2_DAY_BOTH_HOLIDAY_AND_WORKDAY: T2(
    '同一天不能同时列入 holidays 和 workdays。',
    'List a day in holidays or workdays, not both.',
  ),
  T2_WORKDAY_NOT_WEEKEND: T2('workdays 只列调休上班的周末。', 'List only adjusted weekend days in workdays.'),
} as const;
