/**
 * A1 (and N2, N3, N4, F3, C2–C5, T6, T7, T12, T13, P3–P6, U2): `detectViolations`, now the fold of
 * `detectionStep`, finds exactly what the detector that re-read every event found
 * (testing/reference-detect-violations.ts), after every event of many generated histories; and a
 * state that went through JSON (as a read model stores it) steps on to the same violations.
 */
import { toShanghaiIso } from '../calendar/index.js';
import type { CaseCommand } from '../case/case-commands.js';
import type { CaseEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import {
  approver,
  at,
  decideAt,
  guide,
  promisedMatter,
  stateOf,
  supervisor,
  windowClerk,
} from '../testing/index.js';
import { SUPERVISION_ACTOR } from '../actor/actor.js';
import { referenceDetectViolations } from '../testing/reference-detect-violations.js';
import { seededRandom } from '../testing/seeded-random.js';
import { detectViolations } from './detect-violations.js';
import {
  detectionStep,
  initialDetectionState,
  violationsOf,
  type DetectionState,
  type RecordedCaseEvent,
} from './detection-step.js';

/** A second clerk of the same department at another window: receiver, acceptor and responder differ. */
const colleague = { ...windowClerk, id: 'u-window-b', name: '窗口李娜', windowId: 'win-4' };

/** The commands a history may try next; the decider refuses what the state does not allow. */
function menu(s: CaseState, pick: <T>(xs: readonly T[]) => T, chance: (p: number) => boolean): CaseCommand {
  const card = s.cards.length > 0 ? pick(s.cards) : undefined;
  const commands: CaseCommand[] = [
    { type: 'RunSupervisionCheck', actor: SUPERVISION_ACTOR },
    { type: 'RunSupervisionCheck', actor: SUPERVISION_ACTOR },
    {
      type: 'RequestSupplement',
      actor: windowClerk,
      noticeNo: `BZ-${s.notices.length + 1}`,
      items: [{ code: 'proof', name: '证明材料', problem: 'missing' }],
    },
    { type: 'SubmitSupplement', actor: windowClerk, materials: [{ code: 'proof', name: '证明材料' }] },
    { type: 'AcceptApplication', actor: pick([windowClerk, colleague]), receiptNo: 'SL-1' },
    {
      type: 'RejectApplication',
      actor: windowClerk,
      noticeNo: 'BY-1',
      reasons: chance(0.5) ? [] : ['申请材料不符合法定形式'],
    },
    {
      type: 'GrantExtension',
      actor: approver,
      days: 5,
      reason: '需征求相关部门意见',
      applicantNotifiedAt: toShanghaiIso(s.lastOccurredAt ?? at('2026-03-02T10:00:00+08:00')),
      channel: 'sms',
    },
    {
      type: 'SuspendCase',
      actor: windowClerk,
      suspensionType: pick(['inspection', 'testing', 'local_hearing'] as const),
      expectedDays: 3,
      reason: '需组织现场核查',
      applicantNotifiedAt: toShanghaiIso(s.lastOccurredAt ?? at('2026-03-02T10:00:00+08:00')),
    },
    { type: 'ResumeCase', actor: windowClerk, suspensionNo: s.suspensions.length },
    { type: 'CompleteCase', actor: windowClerk, outcome: 'approved', decisionNo: 'JD-1' },
    { type: 'DeliverDecision', actor: windowClerk, channel: 'window_pickup', licenceNo: 'XK-1' },
    {
      type: 'FileComplaint',
      actor: guide,
      complaintId: `TS-${s.complaints.length + 1}`,
      channel: '12345热线',
      subject: pick([
        { kind: 'case' },
        { kind: 'window', id: 'win-3' },
        { kind: 'staff', id: windowClerk.id },
      ] as const),
      content: '办理进度缓慢',
    },
    {
      type: 'ConcludeComplaint',
      actor: supervisor,
      complaintId: `TS-${Math.max(1, s.complaints.length)}`,
      substantiated: chance(0.6),
      reply: '已核查并答复投诉人',
    },
    {
      type: 'SubmitEvaluation',
      actor: windowClerk,
      score: pick([1, 2, 5]),
      channel: pick(['device', 'proxy'] as const),
    },
    {
      type: 'RecordEvaluationCallback',
      actor: windowClerk,
      evaluationNo: 1,
      contactedAt: toShanghaiIso(s.lastOccurredAt ?? at('2026-03-02T10:00:00+08:00')),
      result: '已回访',
    },
    { type: 'RectifyEvaluation', actor: supervisor, evaluationNo: 1, valid: chance(0.7), action: '整改' },
    ...(card
      ? ([
          {
            type: 'ExplainCard',
            actor: windowClerk,
            cardId: card.cardId,
            text: '因材料需跨部门核验导致超期',
          },
          { type: 'RevokeCard', actor: supervisor, cardId: card.cardId, reason: '系统误判' },
          { type: 'RevokeCard', actor: supervisor, cardId: card.cardId, reason: '系统误判' },
        ] as const)
      : []),
  ];
  return pick(commands);
}

/** A history of up to `steps` tries, from a received case, each decided at a later time. */
function history(seed: number, steps: number): RecordedCaseEvent[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number): boolean => random() < p;
  let now = at('2026-03-02T10:00:00+08:00');
  const context = {
    now: toShanghaiIso(now),
    matter: promisedMatter,
    localSuspensionTypes: ['local_hearing'],
  };
  const events: CaseEvent[] = [];
  const take = (command: CaseCommand): void => {
    const decision = decideAt(events, command, { ...context, now: toShanghaiIso(now) });
    if (Array.isArray(decision)) events.push(...decision);
  };
  take({
    type: 'RegisterInquiry',
    actor: chance(0.7) ? windowClerk : guide,
    caseId: `case-${seed}`,
    centerId: 'center-1',
    channel: 'window',
    applicant: { kind: 'company', name: '某某科技有限公司' },
    question: '如何办理？',
  });
  if (chance(0.1))
    take({
      type: 'ReferInquiry',
      actor: windowClerk,
      toDepartmentId: 'dept-market',
      handlerName: '窗口王芳',
      handlerPhone: '0517-88886666',
    });
  take({
    type: 'SubmitApplication',
    actor: pick([windowClerk, colleague]),
    matterCode: promisedMatter.code,
    materials: chance(0.5) ? [{ code: 'id' }] : [{ code: 'id' }, { code: 'lease' }],
  });
  for (let i = 0; i < steps; i += 1) {
    // Minutes to days later: supervision's checks find notices, deadlines and explanations overdue.
    now += Math.floor(random() * pick([30, 600, 1_440, 4_320])) * 60_000;
    take(menu(stateOf(events), pick, chance));
  }
  // U2: some steps recorded well after they happened; the store's ids in order.
  return events.map((e, i) => ({
    ...e,
    eventId: `${seed}-ev-${i}`,
    recordedAt: chance(0.05) ? toShanghaiIso(at(e.occurredAt) + pick([11, 45, 600]) * 60_000) : e.occurredAt,
  }));
}

/** The state as a store gives it back: plain data, no shared references. */
const asStored = (s: DetectionState): DetectionState => structuredClone(s);

describe('detectionStep (A1): the fold equals the detector that re-read every event', () => {
  const histories = Array.from({ length: 600 }, (_, seed) => history(seed + 1, 30));

  it('after every event of 600 generated histories, the same violations in the same order', () => {
    const codes = new Set<string>();
    for (const events of histories) {
      let state: DetectionState = initialDetectionState;
      events.forEach((e, i) => {
        state = detectionStep(state, e);
        const expected = referenceDetectViolations(events.slice(0, i + 1));
        expect(violationsOf(state)).toEqual(expected);
        for (const v of expected) codes.add(v.code);
      });
      expect(detectViolations(events)).toEqual(referenceDetectViolations(events));
    }
    // The histories reach the rules that look back: C2, C3, C5 with C4's revocations, N2, T6, T12, P3–P6, U2.
    expect([...codes].sort()).toEqual(
      expect.arrayContaining([
        'BACKDATED_ENTRY',
        'BAD_REVIEW_NOT_RECTIFIED',
        'CALLBACK_MISSING',
        'COMPLAINT_SUBSTANTIATED',
        'EXPLANATION_MISSING',
        'LATE_DELIVERY',
        'LATE_NOTICE',
        'LOCAL_SUSPENSION',
        'OVERDUE',
        'PROXY_RATING',
        'SERIOUSLY_OVERDUE',
      ]),
    );
    expect(histories.some((es) => es.some((e) => e.type === 'CardRevoked'))).toBe(true);
  });

  it('a state read back from JSON (as stored) steps on to the same violations', () => {
    for (const events of histories.slice(0, 100)) {
      const half = Math.floor(events.length / 2);
      const stored = asStored(events.slice(0, half).reduce(detectionStep, initialDetectionState));
      const resumed = events.slice(half).reduce(detectionStep, stored);
      expect(violationsOf(resumed)).toEqual(referenceDetectViolations(events));
    }
  });
});
