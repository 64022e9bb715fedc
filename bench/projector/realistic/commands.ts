/**
 * The command each kind of step sends, as the window, guide, approver, supervisor or the
 * supervision check would send it.
 */
import type { Actor } from '#domain/actor/actor.js';
import { SUPERVISION_ACTOR } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { Dice } from './dice.js';
import { GIVEN, SURNAMES } from './fixtures.js';
import type { Flight, Step } from './flight.js';

/** What a step decides; undefined when the step is dropped (the domain refused it). */
export function commandFor(f: Flight, step: Step, { random, pick, chance }: Dice): CaseCommand | undefined {
  const s = f.state;
  const { clerk, center, department, matter, script } = f;
  const by = (actor: Actor): Actor => ({ ...actor, centerId: center.id });
  switch (step.kind) {
    case 'register': {
      const person = chance(0.8);
      return {
        type: 'RegisterInquiry',
        actor: chance(0.7) ? by(clerk) : center.guide,
        caseId: f.caseId,
        centerId: center.id,
        channel: pick(['window', 'window', 'phone', 'online'] as const),
        applicant: person
          ? {
              kind: 'person',
              name: `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`,
              idNumber: `3201${String(Math.floor(random() * 1e14)).padStart(14, '0')}`,
              phone: `13${String(Math.floor(random() * 1e9)).padStart(9, '0')}`,
            }
          : {
              kind: 'company',
              name: `${pick(SURNAMES)}氏${pick(['科技', '商贸', '餐饮', '建筑'])}有限公司`,
            },
        question: `咨询${matter.name}办理流程`,
        matterCode: matter.code,
      };
    }
    case 'answer':
      return { type: 'AnswerInquiry', actor: s.firstResponder ?? by(clerk), answer: '已当场解答' };
    case 'refer':
      return {
        type: 'ReferInquiry',
        actor: s.firstResponder ?? by(clerk),
        toDepartmentId: department.id,
        toWindowId: clerk.windowId,
        handlerName: clerk.name,
        handlerPhone: '0517-88886666',
      };
    case 'apply':
      return {
        type: 'SubmitApplication',
        actor: by(clerk),
        matterCode: matter.code,
        materials: matter.requiredMaterials
          .filter((m) => script.supplement === 'none' || m.code !== 'proof' || matter.kind === 'immediate')
          .map((m) => ({ code: m.code, name: m.name })),
      };
    case 'notice':
      return {
        type: 'RequestSupplement',
        actor: by(clerk),
        noticeNo: `BZ-${f.caseId}`,
        items: [{ code: 'proof', name: '证明材料', problem: 'missing' }],
      };
    case 'resubmit':
      return {
        type: 'SubmitSupplement',
        actor: by(clerk),
        materials: [{ code: 'proof', name: '证明材料' }],
      };
    case 'reject':
      return {
        type: 'RejectApplication',
        actor: by(clerk),
        noticeNo: `BY-${f.caseId}`,
        reasons: ['申请材料不符合法定形式'],
      };
    case 'accept':
      return { type: 'AcceptApplication', actor: by(clerk), receiptNo: `SL-${f.caseId}` };
    case 'suspend':
      return {
        type: 'SuspendCase',
        actor: by(clerk),
        suspensionType: pick(['inspection', 'expert_review', 'testing'] as const),
        expectedDays: 5,
        reason: '需组织现场核查',
        applicantNotifiedAt: toShanghaiIso(step.at),
      };
    case 'resume':
      return { type: 'ResumeCase', actor: by(clerk), suspensionNo: s.suspensions.length };
    case 'extend':
      return {
        type: 'GrantExtension',
        actor: by(department.approver),
        days: 5,
        reason: '需征求相关部门意见',
        applicantNotifiedAt: toShanghaiIso(step.at),
        channel: 'sms',
      };
    case 'complete':
      return chance(0.93)
        ? { type: 'CompleteCase', actor: by(clerk), outcome: 'approved', decisionNo: `JD-${f.caseId}` }
        : {
            type: 'CompleteCase',
            actor: by(clerk),
            outcome: 'denied',
            decisionNo: `JD-${f.caseId}`,
            // N6: a denial gives its reasons and the notice of remedies.
            reasons: ['申请材料不符合法定条件'],
            remediesNotice: '如不服本决定，可在60日内申请行政复议，或在6个月内提起行政诉讼。',
          };
    case 'withdraw':
      return { type: 'WithdrawCase', actor: by(clerk), reason: '申请人主动撤回' };
    case 'complain':
      return {
        type: 'FileComplaint',
        actor: center.guide,
        complaintId: `TS-${f.caseId}`,
        channel: '12345热线',
        subject: chance(0.5) ? { kind: 'window', id: clerk.windowId! } : { kind: 'case' },
        content: '办理进度缓慢',
      };
    case 'conclude':
      return {
        type: 'ConcludeComplaint',
        actor: center.supervisor,
        complaintId: `TS-${f.caseId}`,
        substantiated: chance(0.3),
        reply: '已核查并答复投诉人',
      };
    case 'evaluate':
      return { type: 'SubmitEvaluation', actor: by(clerk), score: script.evaluation!, comment: '评价' };
    case 'rectify':
      return {
        type: 'RectifyEvaluation',
        actor: center.supervisor,
        evaluationNo: 1,
        valid: chance(0.7),
        action: '约谈窗口人员并整改',
      };
    case 'explain': {
      const card = s.cards.find(
        (c) => c.level !== 'warning' && c.explainedAt === undefined && c.revokedAt === undefined,
      );
      return card
        ? { type: 'ExplainCard', actor: by(clerk), cardId: card.cardId, text: '因材料需跨部门核验导致超期' }
        : undefined;
    }
    case 'check':
      return { type: 'RunSupervisionCheck', actor: SUPERVISION_ACTOR };
    default:
      return undefined;
  }
}
