import { applicantActor } from '../../actor/actor.js';
import { detectViolations, type RecordedCaseEvent } from '../../accountability/detect-violations.js';
import { evaluationRates } from '../../statistics/evaluation-rates.js';
import type { CaseEvent } from '../case-events.js';
import {
  anAcceptedCase,
  approver,
  at,
  given,
  guide,
  supervisor,
  windowClerk,
  type CaseHistory,
  supervisionCheck as check,
} from '../../testing/index.js';

const recorded = (list: readonly CaseEvent[]): RecordedCaseEvent[] =>
  list.map((e, i) => ({ ...e, eventId: `e${i}`, recordedAt: e.occurredAt }) as RecordedCaseEvent);

/** A case approved Tuesday 03-03 10:00 (accepted Monday 03-02). */
const decided = (caseId = 'case-1'): CaseHistory =>
  anAcceptedCase('2026-03-02T10:00:00+08:00', undefined, caseId).completed('2026-03-03T10:00:00+08:00');
const invited = (invitationId = 'inv-1'): CaseHistory =>
  decided().step(
    { type: 'IssueEvaluationInvitation', actor: windowClerk, invitationId },
    '2026-03-03T10:05:00+08:00',
  );
const rateBy = (invitationId: string, score: number) =>
  ({ type: 'SubmitEvaluation', actor: applicantActor(invitationId), invitationId, score }) as const;
/** A bad review (2) the applicant gave through the invitation on Tuesday 03-03 11:00. */
const badReview = (): CaseEvent[] => invited().step(rateBy('inv-1', 2), '2026-03-03T11:00:00+08:00').events();

describe('好差评 as 国办发〔2019〕51号 wants it (P5–P7)', () => {
  it('P5: given a decided case, when the applicant rates through the invitation, then it works once; a second use is P5_INVITATION_USED', () => {
    const history = invited().events();
    expect(history[history.length - 1]).toMatchObject({
      type: 'EvaluationInvitationIssued',
      data: { invitationId: 'inv-1', expiresAt: '2026-04-02T10:05:00+08:00' },
    });
    const rated = given(...history)
      .at('2026-03-04T09:00:00+08:00')
      .when(rateBy('inv-1', 5));
    rated.then({
      type: 'EvaluationSubmitted',
      actor: { role: 'applicant' },
      data: { channel: 'invitation', invitationId: 'inv-1', score: 5 },
    });
    given(...rated.history())
      .at('2026-03-04T09:01:00+08:00')
      .when(rateBy('inv-1', 1))
      .thenRefuses('P5_INVITATION_USED', { category: 'conflict' });
    expect(detectViolations(recorded(rated.history()))).toEqual([]);
  });

  it('P5: given an invitation, when it has expired, or names another invitation, then refused; an open case gets no invitation', () => {
    given(...invited().events())
      .at('2026-04-03T09:00:00+08:00')
      .when(rateBy('inv-1', 4))
      .thenRefuses('P5_INVITATION_EXPIRED');
    given(...invited().events())
      .at('2026-03-04T09:00:00+08:00')
      .when(rateBy('inv-x', 4))
      .thenRefuses('P5_INVITATION_INVALID');
    given(...anAcceptedCase('2026-03-02T10:00:00+08:00').events())
      .at('2026-03-02T11:00:00+08:00')
      .when({ type: 'IssueEvaluationInvitation', actor: windowClerk, invitationId: 'i' })
      .thenRefuses('P5_NOT_DECIDED_YET');
  });

  it('P5: given a case, when staff enter a rating for the applicant, then it records channel proxy and the staff member and is flagged PROXY_RATING; one rating per channel', () => {
    const proxy = given(...decided().events())
      .at('2026-03-03T11:00:00+08:00')
      .when({ type: 'SubmitEvaluation', actor: guide, score: 5, channel: 'proxy' });
    proxy.then({ type: 'EvaluationSubmitted', actor: { id: 'u-guide' }, data: { channel: 'proxy' } });
    const v = detectViolations(recorded(proxy.history()));
    expect(v).toEqual([expect.objectContaining({ code: 'PROXY_RATING', rule: 'P5', staffId: 'u-guide' })]);
    const next = given(...proxy.history()).at('2026-03-03T12:00:00+08:00');
    next
      .when({ type: 'SubmitEvaluation', actor: windowClerk, score: 4, channel: 'proxy' })
      .thenRefuses('P5_CHANNEL_ALREADY_RATED');
    next
      .when({ type: 'SubmitEvaluation', actor: windowClerk, score: 4, channel: 'device' })
      .then({ type: 'EvaluationSubmitted', data: { channel: 'device' } });
  });

  it('P5: given a case, when staff enter a rating without a channel, then it counts as proxy (never unnoticed); staff cannot use the invitation channel', () => {
    const next = given(...decided().events()).at('2026-03-03T11:00:00+08:00');
    next
      .when({ type: 'SubmitEvaluation', actor: guide, score: 3 })
      .then({ type: 'EvaluationSubmitted', data: { channel: 'proxy' } });
    next
      .when({ type: 'SubmitEvaluation', actor: guide, score: 3, channel: 'invitation' })
      .thenRefuses('VALIDATION_FAILED', { field: 'channel' });
  });

  it('P6: given a bad review of Tuesday 03-03, then its callback is due 03-10 17:30; a callback on time is recorded, a second is refused', () => {
    const bad = badReview();
    expect(bad[bad.length - 1]).toMatchObject({
      data: { bad: true, callbackDueAt: '2026-03-10T17:30:00+08:00' },
    });
    const callback = {
      type: 'RecordEvaluationCallback',
      actor: windowClerk,
      evaluationNo: 1,
      contactedAt: '2026-03-05T15:00:00+08:00',
      result: '申请人对等候时间不满，已致歉',
    } as const;
    const cb = given(...bad)
      .at('2026-03-05T16:00:00+08:00')
      .when(callback);
    cb.then({ type: 'EvaluationCallbackRecorded', data: { late: false } });
    given(...bad)
      .at('2026-03-05T16:00:00+08:00')
      .when({ ...callback, contactedAt: '2026-03-03T10:30:00+08:00', result: '回访早于评价' })
      .thenRefuses('VALIDATION_FAILED', { field: 'contactedAt' });
    given(...cb.history())
      .at('2026-03-05T16:00:00+08:00')
      .when({ ...callback, result: '再次' })
      .thenRefuses('P6_CALLBACK_ALREADY_RECORDED');
  });

  it('P6: given a bad review without callback, then supervision flags it after 5 working days and it is the violation CALLBACK_MISSING', () => {
    const flagged = given(...badReview())
      .at('2026-03-11T09:00:00+08:00')
      .when(check);
    expect(flagged.events()).toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ step: 'callback', ref: '1' }) }),
    );
    expect(detectViolations(recorded(flagged.history())).map((v) => v.code)).toContain('CALLBACK_MISSING');
  });

  it('P6: given a bad review, when the department appeals within 5 working days and the supervisor upholds it, then it leaves the rates (P7) but stays on the record', () => {
    const appeal = given(...badReview())
      .at('2026-03-06T10:00:00+08:00')
      .when({
        type: 'AppealEvaluation',
        actor: approver,
        evaluationNo: 1,
        reason: '申请人评价针对的是非本部门事项',
      });
    appeal.then({ type: 'EvaluationAppealed' });
    given(...appeal.history())
      .at('2026-03-06T11:00:00+08:00')
      .when({ type: 'AppealEvaluation', actor: approver, evaluationNo: 1, reason: '再次' })
      .thenRefuses('P6_ALREADY_APPEALED');
    const decision = given(...appeal.history())
      .at('2026-03-09T10:00:00+08:00')
      .when({
        type: 'DecideEvaluationAppeal',
        actor: supervisor,
        evaluationNo: 1,
        upheld: true,
        reason: '经核实，差评与本部门服务无关',
      });
    const all = decision.history();
    const s = decision.state();
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
    given(...all)
      .at('2026-03-12T09:00:00+08:00')
      .when(check)
      .then();
    given(...all)
      .at('2026-03-09T11:00:00+08:00')
      .when({
        type: 'DecideEvaluationAppeal',
        actor: supervisor,
        evaluationNo: 1,
        upheld: false,
        reason: 'x',
      })
      .thenRefuses('P6_APPEAL_ALREADY_DECIDED');
  });

  it('P6: given a bad review of 03-03, when appealed after 5 working days, or a good review is appealed, or a window appeals, then refused', () => {
    given(...badReview())
      .at('2026-03-11T09:00:00+08:00')
      .when({ type: 'AppealEvaluation', actor: approver, evaluationNo: 1, reason: '迟到的申诉' })
      .thenRefuses('P6_APPEAL_TOO_LATE');
    const good = invited().step(rateBy('inv-1', 5), '2026-03-03T11:00:00+08:00');
    given(...good.events())
      .at('2026-03-04T09:00:00+08:00')
      .when({ type: 'AppealEvaluation', actor: approver, evaluationNo: 1, reason: '无' })
      .thenRefuses('P6_NOT_A_BAD_REVIEW');
    given(...badReview())
      .at('2026-03-04T09:00:00+08:00')
      .when({ type: 'AppealEvaluation', actor: windowClerk, evaluationNo: 1, reason: '无' })
      .thenRefuses('ROLE_NOT_ALLOWED');
    given(...badReview())
      .at('2026-03-04T09:00:00+08:00')
      .when({
        type: 'DecideEvaluationAppeal',
        actor: supervisor,
        evaluationNo: 1,
        upheld: true,
        reason: '无',
      })
      .thenRefuses('P6_APPEAL_NOT_FOUND');
  });

  it('P7: given ratings 5, 4, 3, 2 (called back, rectified) and 1 over four completed cases, then the rates are computed from all counted ratings', () => {
    const scores = [5, 4, 3, 2, 1];
    const states = scores.map((score, i) => {
      const base = anAcceptedCase('2026-03-02T10:00:00+08:00', undefined, `case-${i}`);
      const done = i < 4 ? base.completed('2026-03-03T10:00:00+08:00') : base;
      const rated = done.step(
        { type: 'SubmitEvaluation', actor: windowClerk, score, channel: 'device' },
        '2026-03-03T11:00:00+08:00',
      );
      if (score !== 2) return rated.state();
      return rated
        .step(
          {
            type: 'RecordEvaluationCallback',
            actor: windowClerk,
            evaluationNo: 1,
            contactedAt: '2026-03-04T10:00:00+08:00',
            result: '已沟通',
          },
          '2026-03-04T10:30:00+08:00',
        )
        .step(
          { type: 'RectifyEvaluation', actor: supervisor, evaluationNo: 1, valid: true, action: '已整改' },
          '2026-03-05T10:30:00+08:00',
        )
        .state();
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
