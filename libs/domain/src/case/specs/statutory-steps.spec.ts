import { detectViolations, type RecordedCaseEvent } from '../../accountability/detect-violations.js';
import { STATUTORY_SUSPENSION_TYPES, type CaseEvent } from '../case-events.js';
import { clockRunning, isOpen } from '../case-state.js';
import { upcastCaseEvent } from '../upcast.js';
import {
  anAcceptedCase,
  approver,
  given,
  promisedMatter,
  stateOf,
  windowClerk,
  approval as approve,
  supervisionCheck as check,
} from '../../testing/index.js';

const escalatedMatter = {
  ...promisedMatter,
  code: 'M-003',
  kind: 'escalated' as const,
  promisedLimitDays: 20,
};
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
/** A case of `matter` accepted Monday 03-02 10:00. */
const accepted = (matter = promisedMatter) => anAcceptedCase('2026-03-02T10:00:00+08:00', matter);
/** The same case on Tuesday 03-03 10:00. */
const onTuesday = (matter = promisedMatter) =>
  given(...accepted(matter).events()).at('2026-03-03T10:00:00+08:00');
/** The case approved Tuesday 03-03 10:00. */
const decided = (): CaseEvent[] => accepted().step(approve, '2026-03-03T10:00:00+08:00').events();

describe('suspension types (T6)', () => {
  it.each(STATUTORY_SUSPENSION_TYPES)(
    'T6: given an accepted case, when suspended for %s (art. 45), then it is recorded as statutory',
    (type) => {
      onTuesday()
        .when({ ...suspend, suspensionType: type })
        .then({ type: 'CaseSuspended', data: { suspensionType: type, expectedDays: 3, local: false } });
    },
  );

  it('T6: given a center allowing site_survey, when a case is suspended for it, then it is recorded as local and is the violation LOCAL_SUSPENSION', () => {
    const s = given(...accepted().events())
      .at('2026-03-03T10:00:00+08:00', { localSuspensionTypes: ['site_survey'] })
      .when({ ...suspend, suspensionType: 'site_survey' });
    s.then({ type: 'CaseSuspended', data: { suspensionType: 'site_survey', local: true } });
    expect(detectViolations(recorded(s.history())).map((v) => v.code)).toEqual(['LOCAL_SUSPENSION']);
  });

  it('T6: given a center without local types, when suspended for site_survey, then T6_SUSPENSION_TYPE_NOT_ALLOWED', () => {
    onTuesday()
      .when({ ...suspend, suspensionType: 'site_survey' })
      .thenRefuses('T6_SUSPENSION_TYPE_NOT_ALLOWED', { category: 'rule', field: 'type' });
  });

  it('T6: given an accepted case, when a suspension does not say the time needed, then T6_SUSPENSION_INCOMPLETE names expectedDays', () => {
    const { expectedDays: _omitted, ...withoutDays } = suspend;
    onTuesday()
      .when({ ...withoutDays, suspensionType: 'hearing' })
      .thenRefuses('T6_SUSPENSION_INCOMPLETE', { field: 'expectedDays' });
    onTuesday()
      .when({ ...suspend, suspensionType: 'hearing', expectedDays: 0 })
      .thenRefuses('VALIDATION_FAILED', { field: 'expectedDays' });
  });
});

describe('decision, delivery and the rights notice (T12, N6)', () => {
  it('T12: given an accepted case, its clock runs; when approved, it stops (decided, still open); when delivered, it stays stopped and the case closes', () => {
    expect(isOpen(stateOf([]))).toBe(false);
    expect(clockRunning(stateOf(accepted().events()))).toBe(true);
    expect(isOpen(stateOf(accepted().events()))).toBe(true);
    const approved = onTuesday().when(approve);
    expect(approved.state().status).toBe('decided');
    expect(clockRunning(approved.state())).toBe(false);
    expect(isOpen(approved.state())).toBe(true);
    const delivered = given(...decided())
      .at('2026-03-17T17:00:00+08:00')
      .when({ ...deliver, licenceNo: 'JY-001' });
    expect(clockRunning(delivered.state())).toBe(false);
    expect(isOpen(delivered.state())).toBe(false);
  });

  it('T12: given an accepted case, when approved Tuesday 03-03, then it is decided, not closed, its delivery due 03-17 17:30', () => {
    const approved = onTuesday().when(approve);
    approved.then({
      type: 'CaseCompleted',
      schemaVersion: 2,
      data: { delivery: 'pending', deliveryDueAt: '2026-03-17T17:30:00+08:00', onTime: true },
    });
    const s = approved.state();
    expect(s.status).toBe('decided');
    expect(s.closedAt).toBeUndefined();
  });

  it('T12: given an approval, when delivered within 10 working days, then the case closes, on time and without violation', () => {
    const d = given(...decided())
      .at('2026-03-17T17:00:00+08:00')
      .when({ ...deliver, licenceNo: 'JY-001' });
    d.then({ type: 'DecisionDelivered', data: { channel: 'window_pickup', late: false } });
    expect(d.state().status).toBe('completed');
    expect(detectViolations(recorded(d.history()))).toEqual([]);
    given(...d.history())
      .at('2026-03-18T10:00:00+08:00')
      .when(deliver)
      .thenRefuses('T12_ALREADY_DELIVERED');
  });

  it('T12: given an approval of 03-03, when delivered on the 11th working day, then it is late and the violation LATE_DELIVERY', () => {
    const d = given(...decided())
      .at('2026-03-18T10:00:00+08:00')
      .when({ ...deliver, channel: 'post', trackingNo: 'EMS-1' });
    d.then({ type: 'DecisionDelivered', data: { late: true, dueAt: '2026-03-17T17:30:00+08:00' } });
    expect(detectViolations(recorded(d.history())).map((v) => v.code)).toEqual(['LATE_DELIVERY']);
  });

  it('T12: given an approval not delivered by its limit, then supervision flags the delivery once, and the late delivery counts once', () => {
    given(...decided())
      .at('2026-03-17T17:00:00+08:00')
      .when(check)
      .then();
    const flag = given(...decided())
      .at('2026-03-18T09:00:00+08:00')
      .when(check);
    expect(flag.events()).toEqual([
      expect.objectContaining({
        type: 'StepOverdueFlagged',
        data: expect.objectContaining({ step: 'delivery', ref: 'case' }),
      }),
    ]);
    const flagged = flag.history();
    given(...flagged)
      .at('2026-03-19T09:00:00+08:00')
      .when(check)
      .then();
    const d = given(...flagged)
      .at('2026-03-19T10:00:00+08:00')
      .when(deliver);
    expect(detectViolations(recorded(d.history())).map((v) => v.code)).toEqual(['LATE_DELIVERY']);
  });

  it('T12: given a decided approval, when the applicant withdraws, then ILLEGAL_TRANSITION: only the delivery is left', () => {
    given(...decided())
      .at('2026-03-04T10:00:00+08:00')
      .when({ type: 'WithdrawCase', actor: windowClerk, reason: '不需要了' })
      .thenRefuses('ILLEGAL_TRANSITION');
  });

  it('T12: given a decided approval, then no card falls due any more (the case clock stopped at the decision)', () => {
    const found = given(...decided())
      .at('2026-03-12T10:00:00+08:00')
      .when(check)
      .events();
    expect(found.filter((e) => e.type !== 'StepOverdueFlagged')).toEqual([]);
  });

  it('N6, T12: given an accepted case, when denied with reasons and the remedies notice, then it closes with the decision and a delivery is refused', () => {
    const denied = onTuesday().when({
      ...approve,
      outcome: 'denied',
      reasons: ['场所不符合卫生要求'],
      remediesNotice: NOTICE,
    });
    denied.then({
      type: 'CaseCompleted',
      data: { outcome: 'denied', delivery: 'with_decision', remediesNotice: NOTICE },
    });
    expect(denied.state().status).toBe('completed');
    given(...denied.history())
      .at('2026-03-04T10:00:00+08:00')
      .when(deliver)
      .thenRefuses('T12_DELIVERY_NOT_DUE');
  });

  it('N6: given an accepted case, when denied without the rights notice, or with one naming neither remedy, or without reasons, then refused', () => {
    const deny = { ...approve, outcome: 'denied', reasons: ['场所不符合卫生要求'] } as const;
    onTuesday()
      .when(deny)
      .thenRefuses('N6_DENIAL_WITHOUT_REMEDIES_NOTICE', { category: 'rule', field: 'remediesNotice' });
    onTuesday()
      .when({ ...deny, remediesNotice: '请知悉' })
      .thenRefuses('N6_DENIAL_WITHOUT_REMEDIES_NOTICE');
    onTuesday()
      .when({ ...deny, reasons: [' '], remediesNotice: NOTICE })
      .thenRefuses('N6_DENIAL_WITHOUT_REASONS', { field: 'reasons' });
  });

  it('T12: given a case completed (approved) before T12, stored as CaseCompleted version 1, then it reads as closed, as it was', () => {
    const history = accepted().events();
    const [v2] = onTuesday().when(approve).events();
    const {
      delivery: _d,
      deliveryDueAt: _due,
      ...v1data
    } = (v2 as Extract<CaseEvent, { type: 'CaseCompleted' }>).data;
    const stored = { ...v2!, schemaVersion: 1, data: v1data };
    const read = upcastCaseEvent(stored as unknown as CaseEvent);
    expect(read).toMatchObject({ schemaVersion: 2, data: { delivery: 'with_decision' } });
    const s = stateOf([...history, read]);
    expect(s.status).toBe('completed');
    expect(s.closedAt).toBeDefined();
    given(...history, read)
      .at('2026-03-04T10:00:00+08:00')
      .when(deliver)
      .thenRefuses('T12_DELIVERY_NOT_DUE');
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
    const history = accepted(escalatedMatter).events();
    expect(history[2]).toMatchObject({ data: { preliminaryReviewDueAt: '2026-03-30T17:30:00+08:00' } });
    const r = given(...history)
      .at('2026-03-20T10:00:00+08:00')
      .when(review);
    r.then({
      type: 'PreliminaryReviewCompleted',
      data: { forwardedTo: '市市场监督管理局', late: false },
    });
    expect(r.state().preliminaryReview?.forwardedTo).toBe('市市场监督管理局');
    given(...r.history())
      .at('2026-03-21T10:00:00+08:00')
      .when(review)
      .thenRefuses('T13_ALREADY_REVIEWED');
  });

  it('T13: given an escalated case, when reviewed after 20 working days, then it is late and the violation LATE_PRELIMINARY_REVIEW; supervision flags it first', () => {
    const history = accepted(escalatedMatter).events();
    const flag = given(...history)
      .at('2026-03-31T09:00:00+08:00')
      .when(check)
      .events();
    expect(flag).toContainEqual(
      expect.objectContaining({
        type: 'StepOverdueFlagged',
        data: expect.objectContaining({ step: 'preliminary_review' }),
      }),
    );
    const late = given(...history)
      .at('2026-03-31T10:00:00+08:00')
      .when(review);
    late.then({ type: 'PreliminaryReviewCompleted', data: { late: true } });
    expect(detectViolations(recorded(late.history())).map((v) => v.code)).toEqual([
      'LATE_PRELIMINARY_REVIEW',
    ]);
    const both = [...history, ...flag.filter((e) => e.type === 'StepOverdueFlagged'), ...late.events()];
    expect(detectViolations(recorded(both)).filter((v) => v.code === 'LATE_PRELIMINARY_REVIEW')).toHaveLength(
      1,
    );
  });

  it('T13: given a promised case, when a preliminary review is recorded, then T13_NOT_ESCALATED; an incomplete one T13_REVIEW_INCOMPLETE', () => {
    onTuesday().when(review).thenRefuses('T13_NOT_ESCALATED');
    onTuesday(escalatedMatter)
      .when({ ...review, forwardedTo: '' })
      .thenRefuses('T13_REVIEW_INCOMPLETE', { field: 'forwardedTo' });
  });
});
