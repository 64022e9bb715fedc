import { applicantActor } from '../../actor/actor.js';
import { detectViolations, type RecordedCaseEvent } from '../../accountability/detect-violations.js';
import { at } from './given-when-then.js';
import { evaluationRates } from '../../statistics/evaluation-rates.js';
import type { CaseEvent } from '../case-events.js';
import {
  acceptedCase,
  approver,
  events,
  guide,
  stateOf,
  supervisor,
  system,
  when,
  windowClerk,
} from './given-when-then.js';

const recorded = (list: readonly CaseEvent[]): RecordedCaseEvent[] =>
  list.map((e, i) => ({ ...e, eventId: `e${i}`, recordedAt: e.occurredAt }) as RecordedCaseEvent);
const approve = {
  type: 'CompleteCase',
  actor: windowClerk,
  outcome: 'approved',
  decisionNo: 'JD-1',
} as const;

/** A case approved Tuesday 03-03 10:00 (accepted Monday 03-02). */
function decided(): CaseEvent[] {
  const given = acceptedCase('2026-03-02T10:00:00+08:00');
  return [...given, ...events(when(given, approve, { now: '2026-03-03T10:00:00+08:00' }))];
}
function invited(invitationId = 'inv-1'): CaseEvent[] {
  const given = decided();
  return [
    ...given,
    ...events(
      when(
        given,
        { type: 'IssueEvaluationInvitation', actor: windowClerk, invitationId },
        { now: '2026-03-03T10:05:00+08:00' },
      ),
    ),
  ];
}
const rateBy = (invitationId: string, score: number) =>
  ({ type: 'SubmitEvaluation', actor: applicantActor(invitationId), invitationId, score }) as const;
/** A bad review (2) the applicant gave through the invitation on Tuesday 03-03 11:00. */
function badReview(): CaseEvent[] {
  const given = invited();
  return [...given, ...events(when(given, rateBy('inv-1', 2), { now: '2026-03-03T11:00:00+08:00' }))];
}

describe('好差评 as 国办发〔2019〕51号 wants it (P5–P7)', () => {
  it('P5: given a decided case, when the applicant rates through the invitation, then it works once; a second use is P5_INVITATION_USED', () => {
    const given = invited();
    expect(given[given.length - 1]).toMatchObject({
      type: 'EvaluationInvitationIssued',
      data: { invitationId: 'inv-1', expiresAt: '2026-04-02T10:05:00+08:00' },
    });
    const rated = events(when(given, rateBy('inv-1', 5), { now: '2026-03-04T09:00:00+08:00' }));
    expect(rated[0]).toMatchObject({
      type: 'EvaluationSubmitted',
      actor: { role: 'applicant' },
      data: { channel: 'invitation', invitationId: 'inv-1', score: 5 },
    });
    expect(
      when([...given, ...rated], rateBy('inv-1', 1), { now: '2026-03-04T09:01:00+08:00' }),
    ).toMatchObject({ code: 'P5_INVITATION_USED', category: 'conflict' });
    expect(detectViolations(recorded([...given, ...rated]))).toEqual([]);
  });

  it('P5: given an invitation, when it has expired, or names another invitation, then refused; an open case gets no invitation', () => {
    expect(when(invited(), rateBy('inv-1', 4), { now: '2026-04-03T09:00:00+08:00' })).toMatchObject({
      code: 'P5_INVITATION_EXPIRED',
    });
    expect(when(invited(), rateBy('inv-x', 4), { now: '2026-03-04T09:00:00+08:00' })).toMatchObject({
      code: 'P5_INVITATION_INVALID',
    });
    expect(
      when(
        acceptedCase('2026-03-02T10:00:00+08:00'),
        { type: 'IssueEvaluationInvitation', actor: windowClerk, invitationId: 'i' },
        { now: '2026-03-02T11:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P5_NOT_DECIDED_YET' });
  });

  it('P5: given a case, when staff enter a rating for the applicant, then it records channel proxy and the staff member and is flagged PROXY_RATING; one rating per channel', () => {
    const given = decided();
    const proxy = events(
      when(
        given,
        { type: 'SubmitEvaluation', actor: guide, score: 5, channel: 'proxy' },
        { now: '2026-03-03T11:00:00+08:00' },
      ),
    );
    expect(proxy[0]).toMatchObject({ actor: { id: 'u-guide' }, data: { channel: 'proxy' } });
    const v = detectViolations(recorded([...given, ...proxy]));
    expect(v).toEqual([expect.objectContaining({ code: 'PROXY_RATING', rule: 'P5', staffId: 'u-guide' })]);
    expect(
      when(
        [...given, ...proxy],
        { type: 'SubmitEvaluation', actor: windowClerk, score: 4, channel: 'proxy' },
        { now: '2026-03-03T12:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P5_CHANNEL_ALREADY_RATED' });
    const device = events(
      when(
        [...given, ...proxy],
        { type: 'SubmitEvaluation', actor: windowClerk, score: 4, channel: 'device' },
        { now: '2026-03-03T12:00:00+08:00' },
      ),
    );
    expect(device[0]).toMatchObject({ data: { channel: 'device' } });
  });

  it('P5: given a case, when staff enter a rating without a channel, then it counts as proxy (never unnoticed); staff cannot use the invitation channel', () => {
    const [e] = events(
      when(
        decided(),
        { type: 'SubmitEvaluation', actor: guide, score: 3 },
        { now: '2026-03-03T11:00:00+08:00' },
      ),
    );
    expect(e).toMatchObject({ data: { channel: 'proxy' } });
    expect(
      when(
        decided(),
        { type: 'SubmitEvaluation', actor: guide, score: 3, channel: 'invitation' },
        { now: '2026-03-03T11:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'channel' });
  });

  it('P6: given a bad review of Tuesday 03-03, then its callback is due 03-10 17:30; a callback on time is recorded, a second is refused', () => {
    const given = badReview();
    expect(given[given.length - 1]).toMatchObject({
      data: { bad: true, callbackDueAt: '2026-03-10T17:30:00+08:00' },
    });
    const cb = events(
      when(
        given,
        {
          type: 'RecordEvaluationCallback',
          actor: windowClerk,
          evaluationNo: 1,
          contactedAt: '2026-03-05T15:00:00+08:00',
          result: '申请人对等候时间不满，已致歉',
        },
        { now: '2026-03-05T16:00:00+08:00' },
      ),
    );
    expect(cb[0]).toMatchObject({ type: 'EvaluationCallbackRecorded', data: { late: false } });
    expect(
      when(
        given,
        {
          type: 'RecordEvaluationCallback',
          actor: windowClerk,
          evaluationNo: 1,
          contactedAt: '2026-03-03T10:30:00+08:00',
          result: '回访早于评价',
        },
        { now: '2026-03-05T16:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'contactedAt' });
    expect(
      when(
        [...given, ...cb],
        {
          type: 'RecordEvaluationCallback',
          actor: windowClerk,
          evaluationNo: 1,
          contactedAt: '2026-03-05T15:00:00+08:00',
          result: '再次',
        },
        { now: '2026-03-05T16:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P6_CALLBACK_ALREADY_RECORDED' });
  });

  it('P6: given a bad review without callback, then supervision flags it after 5 working days and it is the violation CALLBACK_MISSING', () => {
    const given = badReview();
    const flags = events(
      when(given, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-11T09:00:00+08:00' }),
    );
    expect(flags).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ step: 'callback', ref: '1' }) }),
    );
    expect(detectViolations(recorded([...given, ...flags])).map((v) => v.code)).toContain('CALLBACK_MISSING');
  });

  it('P6: given a bad review, when the department appeals within 5 working days and the supervisor upholds it, then it leaves the rates (P7) but stays on the record', () => {
    const given = badReview();
    const appeal = events(
      when(
        given,
        {
          type: 'AppealEvaluation',
          actor: approver,
          evaluationNo: 1,
          reason: '申请人评价针对的是非本部门事项',
        },
        { now: '2026-03-06T10:00:00+08:00' },
      ),
    );
    expect(appeal[0]).toMatchObject({ type: 'EvaluationAppealed' });
    expect(
      when(
        [...given, ...appeal],
        { type: 'AppealEvaluation', actor: approver, evaluationNo: 1, reason: '再次' },
        { now: '2026-03-06T11:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P6_ALREADY_APPEALED' });
    const decision = events(
      when(
        [...given, ...appeal],
        {
          type: 'DecideEvaluationAppeal',
          actor: supervisor,
          evaluationNo: 1,
          upheld: true,
          reason: '经核实，差评与本部门服务无关',
        },
        { now: '2026-03-09T10:00:00+08:00' },
      ),
    );
    const all = [...given, ...appeal, ...decision];
    const s = stateOf(all);
    expect(s.evaluations).toHaveLength(1);
    expect(s.evaluations[0]).toMatchObject({ score: 2, appealUpheld: true });
    const rates = evaluationRates([s], at('2026-03-01T00:00:00+08:00'), at('2026-04-01T00:00:00+08:00'));
    expect(rates).toMatchObject({
      ratings: 0,
      excludedByAppeal: 1,
      badReviews: 0,
      satisfaction: null,
      completedCases: 1,
    });
    // an upheld appeal ends the callback and rectification the review asked for
    expect(
      events(when(all, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-12T09:00:00+08:00' })),
    ).toEqual([]);
    expect(
      when(
        all,
        { type: 'DecideEvaluationAppeal', actor: supervisor, evaluationNo: 1, upheld: false, reason: 'x' },
        { now: '2026-03-09T11:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P6_APPEAL_ALREADY_DECIDED' });
  });

  it('P6: given a bad review of 03-03, when appealed after 5 working days, or a good review is appealed, or a window appeals, then refused', () => {
    expect(
      when(
        badReview(),
        { type: 'AppealEvaluation', actor: approver, evaluationNo: 1, reason: '迟到的申诉' },
        { now: '2026-03-11T09:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P6_APPEAL_TOO_LATE' });
    const given = invited();
    const good = [...given, ...events(when(given, rateBy('inv-1', 5), { now: '2026-03-03T11:00:00+08:00' }))];
    expect(
      when(
        good,
        { type: 'AppealEvaluation', actor: approver, evaluationNo: 1, reason: '无' },
        { now: '2026-03-04T09:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P6_NOT_A_BAD_REVIEW' });
    expect(
      when(
        badReview(),
        { type: 'AppealEvaluation', actor: windowClerk, evaluationNo: 1, reason: '无' },
        { now: '2026-03-04T09:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(
      when(
        badReview(),
        { type: 'DecideEvaluationAppeal', actor: supervisor, evaluationNo: 1, upheld: true, reason: '无' },
        { now: '2026-03-04T09:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P6_APPEAL_NOT_FOUND' });
  });

  it('P7: given ratings 5, 4, 3, 2 (called back, rectified) and 1 over four completed cases, then the rates are computed from all counted ratings', () => {
    const scores = [5, 4, 3, 2, 1];
    const states = scores.map((score, i) => {
      const base = acceptedCase('2026-03-02T10:00:00+08:00', undefined, `case-${i}`);
      const done =
        i < 4 ? [...base, ...events(when(base, approve, { now: '2026-03-03T10:00:00+08:00' }))] : base;
      let all = [
        ...done,
        ...events(
          when(
            done,
            { type: 'SubmitEvaluation', actor: windowClerk, score, channel: 'device' },
            { now: '2026-03-03T11:00:00+08:00' },
          ),
        ),
      ];
      if (score === 2) {
        all = [
          ...all,
          ...events(
            when(
              all,
              {
                type: 'RecordEvaluationCallback',
                actor: windowClerk,
                evaluationNo: 1,
                contactedAt: '2026-03-04T10:00:00+08:00',
                result: '已沟通',
              },
              { now: '2026-03-04T10:30:00+08:00' },
            ),
          ),
        ];
        all = [
          ...all,
          ...events(
            when(
              all,
              {
                type: 'RectifyEvaluation',
                actor: supervisor,
                evaluationNo: 1,
                valid: true,
                action: '已整改',
              },
              { now: '2026-03-05T10:30:00+08:00' },
            ),
          ),
        ];
      }
      return stateOf(all);
    });
    expect(evaluationRates(states, at('2026-03-01T00:00:00+08:00'), at('2026-04-01T00:00:00+08:00'))).toEqual(
      {
        ratings: 5,
        excludedByAppeal: 0,
        badReviews: 2,
        satisfaction: 2 / 5,
        basicSatisfaction: 3 / 5,
        rectificationRate: 1 / 2,
        callbackRate: 1 / 2,
        completedCases: 4,
        ratingsPerCompletedCase: 5 / 4,
      },
    );
  });
});
