import { detectViolations, type RecordedCaseEvent } from '../../accountability/detect-violations.js';
import { STATUTORY_SUSPENSION_TYPES, type CaseEvent } from '../case-events.js';
import { upcastCaseEvent } from '../upcast.js';
import {
  acceptedCase,
  approver,
  events,
  promisedMatter,
  stateOf,
  system,
  when,
  windowClerk,
} from './given-when-then.js';

const escalatedMatter = {
  ...promisedMatter,
  code: 'M-003',
  kind: 'escalated' as const,
  promisedLimitDays: 20,
};
const approve = {
  type: 'CompleteCase',
  actor: windowClerk,
  outcome: 'approved',
  decisionNo: 'JD-1',
} as const;
const deliver = { type: 'DeliverDecision', actor: windowClerk, channel: 'window_pickup' } as const;
const NOTICE = '如不服本决定，可自收到之日起60日内申请行政复议，或6个月内向人民法院提起行政诉讼。';
const recorded = (list: readonly CaseEvent[]): RecordedCaseEvent[] =>
  list.map((e, i) => ({ ...e, eventId: `e${i}`, recordedAt: e.occurredAt }) as RecordedCaseEvent);
const suspend = {
  type: 'SuspendCase',
  actor: windowClerk,
  reason: '需现场核查',
  applicantNotifiedAt: '2026-03-03T10:00:00+08:00',
  expectedDays: 3,
} as const;
const after = (given: CaseEvent[], ...more: (readonly CaseEvent[])[]): CaseEvent[] => [
  ...given,
  ...more.flat(),
];

describe('suspension types (T6)', () => {
  it.each(STATUTORY_SUSPENSION_TYPES)(
    'T6: given an accepted case, when suspended for %s (art. 45), then it is recorded as statutory',
    (type) => {
      const [e] = events(
        when(
          acceptedCase('2026-03-02T10:00:00+08:00'),
          { ...suspend, suspensionType: type },
          { now: '2026-03-03T10:00:00+08:00' },
        ),
      );
      expect(e).toMatchObject({
        type: 'CaseSuspended',
        data: { suspensionType: type, expectedDays: 3, local: false },
      });
    },
  );

  it('T6: given a center allowing site_survey, when a case is suspended for it, then it is recorded as local and is the violation LOCAL_SUSPENSION', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const s = events(
      when(
        given,
        { ...suspend, suspensionType: 'site_survey' },
        { now: '2026-03-03T10:00:00+08:00', localSuspensionTypes: ['site_survey'] },
      ),
    );
    expect(s[0]).toMatchObject({ data: { suspensionType: 'site_survey', local: true } });
    expect(detectViolations(recorded(after(given, s))).map((v) => v.code)).toEqual(['LOCAL_SUSPENSION']);
  });

  it('T6: given a center without local types, when suspended for site_survey, then T6_SUSPENSION_TYPE_NOT_ALLOWED', () => {
    expect(
      when(
        acceptedCase('2026-03-02T10:00:00+08:00'),
        { ...suspend, suspensionType: 'site_survey' },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'T6_SUSPENSION_TYPE_NOT_ALLOWED', category: 'rule', field: 'type' });
  });

  it('T6: given an accepted case, when a suspension does not say the time needed, then T6_SUSPENSION_INCOMPLETE names expectedDays', () => {
    const { expectedDays: _omitted, ...withoutDays } = suspend;
    expect(
      when(
        acceptedCase('2026-03-02T10:00:00+08:00'),
        { ...withoutDays, suspensionType: 'hearing' },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'T6_SUSPENSION_INCOMPLETE', field: 'expectedDays' });
    expect(
      when(
        acceptedCase('2026-03-02T10:00:00+08:00'),
        { ...suspend, suspensionType: 'hearing', expectedDays: 0 },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'expectedDays' });
  });
});

describe('decision, delivery and the rights notice (T12, N6)', () => {
  it('T12: given an accepted case, when approved Tuesday 03-03, then it is decided, not closed, its delivery due 03-17 17:30', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const [e] = events(when(given, approve, { now: '2026-03-03T10:00:00+08:00' }));
    expect(e).toMatchObject({
      type: 'CaseCompleted',
      schemaVersion: 2,
      data: { delivery: 'pending', deliveryDueAt: '2026-03-17T17:30:00+08:00', onTime: true },
    });
    const s = stateOf(after(given, [e!]));
    expect(s.status).toBe('decided');
    expect(s.closedAt).toBeUndefined();
  });

  it('T12: given an approval, when delivered within 10 working days, then the case closes, on time and without violation', () => {
    const decided = after(
      acceptedCase('2026-03-02T10:00:00+08:00'),
      events(when(acceptedCase('2026-03-02T10:00:00+08:00'), approve, { now: '2026-03-03T10:00:00+08:00' })),
    );
    const d = events(
      when(decided, { ...deliver, licenceNo: 'JY-001' }, { now: '2026-03-17T17:00:00+08:00' }),
    );
    expect(d[0]).toMatchObject({
      type: 'DecisionDelivered',
      data: { channel: 'window_pickup', late: false },
    });
    expect(stateOf(after(decided, d)).status).toBe('completed');
    expect(detectViolations(recorded(after(decided, d)))).toEqual([]);
    expect(when(after(decided, d), deliver, { now: '2026-03-18T10:00:00+08:00' })).toMatchObject({
      code: 'T12_ALREADY_DELIVERED',
    });
  });

  it('T12: given an approval of 03-03, when delivered on the 11th working day, then it is late and the violation LATE_DELIVERY', () => {
    const decided = after(
      acceptedCase('2026-03-02T10:00:00+08:00'),
      events(when(acceptedCase('2026-03-02T10:00:00+08:00'), approve, { now: '2026-03-03T10:00:00+08:00' })),
    );
    const d = events(
      when(
        decided,
        { ...deliver, channel: 'post', trackingNo: 'EMS-1' },
        { now: '2026-03-18T10:00:00+08:00' },
      ),
    );
    expect(d[0]).toMatchObject({ data: { late: true, dueAt: '2026-03-17T17:30:00+08:00' } });
    expect(detectViolations(recorded(after(decided, d))).map((v) => v.code)).toEqual(['LATE_DELIVERY']);
  });

  it('T12: given an approval not delivered by its limit, then supervision flags the delivery once, and the late delivery counts once', () => {
    const decided = after(
      acceptedCase('2026-03-02T10:00:00+08:00'),
      events(when(acceptedCase('2026-03-02T10:00:00+08:00'), approve, { now: '2026-03-03T10:00:00+08:00' })),
    );
    expect(
      events(
        when(decided, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-17T17:00:00+08:00' }),
      ),
    ).toEqual([]);
    const flag = events(
      when(decided, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-18T09:00:00+08:00' }),
    );
    expect(flag).toEqual([
      expect.objectContaining({
        type: 'StepOverdueFlagged',
        data: expect.objectContaining({ step: 'delivery', ref: 'case' }),
      }),
    ]);
    const flagged = after(decided, flag);
    expect(
      events(
        when(flagged, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-19T09:00:00+08:00' }),
      ),
    ).toEqual([]);
    const d = events(when(flagged, deliver, { now: '2026-03-19T10:00:00+08:00' }));
    expect(detectViolations(recorded(after(flagged, d))).map((v) => v.code)).toEqual(['LATE_DELIVERY']);
  });

  it('T12: given a decided approval, when the applicant withdraws, then ILLEGAL_TRANSITION: only the delivery is left', () => {
    const decided = after(
      acceptedCase('2026-03-02T10:00:00+08:00'),
      events(when(acceptedCase('2026-03-02T10:00:00+08:00'), approve, { now: '2026-03-03T10:00:00+08:00' })),
    );
    expect(
      when(
        decided,
        { type: 'WithdrawCase', actor: windowClerk, reason: '不需要了' },
        { now: '2026-03-04T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('T12: given a decided approval, then no card falls due any more (the case clock stopped at the decision)', () => {
    const decided = after(
      acceptedCase('2026-03-02T10:00:00+08:00'),
      events(when(acceptedCase('2026-03-02T10:00:00+08:00'), approve, { now: '2026-03-03T10:00:00+08:00' })),
    );
    const found = events(
      when(decided, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-12T10:00:00+08:00' }),
    );
    expect(found.filter((e) => e.type !== 'StepOverdueFlagged')).toEqual([]);
  });

  it('N6, T12: given an accepted case, when denied with reasons and the remedies notice, then it closes with the decision and a delivery is refused', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const denied = events(
      when(
        given,
        { ...approve, outcome: 'denied', reasons: ['场所不符合卫生要求'], remediesNotice: NOTICE },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    );
    expect(denied[0]).toMatchObject({
      data: { outcome: 'denied', delivery: 'with_decision', remediesNotice: NOTICE },
    });
    expect(stateOf(after(given, denied)).status).toBe('completed');
    expect(when(after(given, denied), deliver, { now: '2026-03-04T10:00:00+08:00' })).toMatchObject({
      code: 'T12_DELIVERY_NOT_DUE',
    });
  });

  it('N6: given an accepted case, when denied without the rights notice, or with one naming neither remedy, or without reasons, then refused', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const now = { now: '2026-03-03T10:00:00+08:00' };
    const deny = { ...approve, outcome: 'denied', reasons: ['场所不符合卫生要求'] } as const;
    expect(when(given, deny, now)).toMatchObject({
      code: 'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
      category: 'rule',
      field: 'remediesNotice',
    });
    expect(when(given, { ...deny, remediesNotice: '请知悉' }, now)).toMatchObject({
      code: 'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
    });
    expect(when(given, { ...deny, reasons: [' '], remediesNotice: NOTICE }, now)).toMatchObject({
      code: 'N6_DENIAL_WITHOUT_REASONS',
      field: 'reasons',
    });
  });

  it('T12: given a case completed (approved) before T12, stored as CaseCompleted version 1, then it reads as closed, as it was', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const [v2] = events(when(given, approve, { now: '2026-03-03T10:00:00+08:00' }));
    const {
      delivery: _d,
      deliveryDueAt: _due,
      ...v1data
    } = (v2 as Extract<CaseEvent, { type: 'CaseCompleted' }>).data;
    const stored = { ...v2!, schemaVersion: 1, data: v1data };
    const read = upcastCaseEvent(stored as unknown as CaseEvent);
    expect(read).toMatchObject({ schemaVersion: 2, data: { delivery: 'with_decision' } });
    const s = stateOf(after(given, [read]));
    expect(s.status).toBe('completed');
    expect(s.closedAt).toBeDefined();
    expect(when(after(given, [read]), deliver, { now: '2026-03-04T10:00:00+08:00' })).toMatchObject({
      code: 'T12_DELIVERY_NOT_DUE',
    });
  });
});

describe('preliminary review of escalated cases (T13)', () => {
  const review = {
    type: 'CompletePreliminaryReview',
    actor: approver,
    opinion: '材料齐全，同意上报',
    forwardedTo: '市市场监督管理局',
  } as const;

  it('T13: given an escalated case accepted Monday 03-02, then its preliminary review is due 03-30 17:30, and a review on time is not late', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00', escalatedMatter);
    expect(given[2]).toMatchObject({ data: { preliminaryReviewDueAt: '2026-03-30T17:30:00+08:00' } });
    const r = events(when(given, review, { now: '2026-03-20T10:00:00+08:00' }));
    expect(r[0]).toMatchObject({
      type: 'PreliminaryReviewCompleted',
      data: { forwardedTo: '市市场监督管理局', late: false },
    });
    expect(stateOf(after(given, r)).preliminaryReview?.forwardedTo).toBe('市市场监督管理局');
    expect(when(after(given, r), review, { now: '2026-03-21T10:00:00+08:00' })).toMatchObject({
      code: 'T13_ALREADY_REVIEWED',
    });
  });

  it('T13: given an escalated case, when reviewed after 20 working days, then it is late and the violation LATE_PRELIMINARY_REVIEW; supervision flags it first', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00', escalatedMatter);
    const flag = events(
      when(given, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-31T09:00:00+08:00' }),
    );
    expect(flag).toContainEqual(
      expect.objectContaining({
        type: 'StepOverdueFlagged',
        data: expect.objectContaining({ step: 'preliminary_review' }),
      }),
    );
    const late = events(when(given, review, { now: '2026-03-31T10:00:00+08:00' }));
    expect(late[0]).toMatchObject({ data: { late: true } });
    expect(detectViolations(recorded(after(given, late))).map((v) => v.code)).toEqual([
      'LATE_PRELIMINARY_REVIEW',
    ]);
    const both = after(
      given,
      flag.filter((e) => e.type === 'StepOverdueFlagged'),
      late,
    );
    expect(detectViolations(recorded(both)).filter((v) => v.code === 'LATE_PRELIMINARY_REVIEW')).toHaveLength(
      1,
    );
  });

  it('T13: given a promised case, when a preliminary review is recorded, then T13_NOT_ESCALATED; an incomplete one T13_REVIEW_INCOMPLETE', () => {
    expect(
      when(acceptedCase('2026-03-02T10:00:00+08:00'), review, { now: '2026-03-03T10:00:00+08:00' }),
    ).toMatchObject({ code: 'T13_NOT_ESCALATED' });
    expect(
      when(
        acceptedCase('2026-03-02T10:00:00+08:00', escalatedMatter),
        { ...review, forwardedTo: '' },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'T13_REVIEW_INCOMPLETE', field: 'forwardedTo' });
  });
});
