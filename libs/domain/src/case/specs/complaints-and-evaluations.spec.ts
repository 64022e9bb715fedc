import type { CaseEvent } from '../case-events.js';
import {
  anAcceptedCase,
  auditor,
  given,
  guide,
  supervisor,
  system,
  windowClerk,
} from '../../testing/index.js';

const base = () => anAcceptedCase('2026-03-02T10:00:00+08:00');
const complaint = {
  type: 'FileComplaint',
  complaintId: 'TS-1',
  channel: '现场',
  subject: { kind: 'staff', id: 'u-window' },
  content: '窗口人员推诿',
} as const;
/** The case on Tuesday 03-03 10:00. */
const onTuesday = () => given(...base().events()).at('2026-03-03T10:00:00+08:00');
const filed = () => base().step({ ...complaint, actor: guide }, '2026-03-03T10:00:00+08:00');

describe('complaints and evaluations (投诉与好差评)', () => {
  it('P1: given a case, when a complaint arrives on a Sunday night, then it is accepted with channel, subject and content', () => {
    given(...base().events())
      .at('2026-03-08T22:00:00+08:00')
      .when({ ...complaint, actor: guide })
      .then({
        type: 'ComplaintFiled',
        data: { channel: '现场', subject: { kind: 'staff', id: 'u-window' } },
      });
  });

  it('P1: given a case, when a complaint has no content, then P1_COMPLAINT_INCOMPLETE; auditors never record one', () => {
    onTuesday()
      .when({ ...complaint, actor: guide, content: '' })
      .thenRefuses('P1_COMPLAINT_INCOMPLETE');
    onTuesday()
      .when({ ...complaint, actor: auditor })
      .thenRefuses('ROLE_NOT_ALLOWED');
  });

  it('P2: given a complaint filed Tuesday 03-03, then it is due 03-10 17:30 and a later conclusion is recorded as late', () => {
    const history = filed().events();
    expect(history[history.length - 1]).toMatchObject({ data: { dueAt: '2026-03-10T17:30:00+08:00' } });
    const conclude = {
      type: 'ConcludeComplaint',
      actor: supervisor,
      complaintId: 'TS-1',
      substantiated: true,
      reply: '经核查属实，已批评教育',
    } as const;
    const concluded = given(...history)
      .at('2026-03-11T09:00:00+08:00')
      .when(conclude);
    concluded.then({ type: 'ComplaintConcluded', data: { substantiated: true, late: true } });
    given(...concluded.history())
      .at('2026-03-11T10:00:00+08:00')
      .when({ ...conclude, substantiated: false, reply: '重复' })
      .thenRefuses('P2_COMPLAINT_ALREADY_CONCLUDED');
  });

  it('P2: given a complaint, when a window clerk concludes it, then ROLE_NOT_ALLOWED', () => {
    given(...filed().events())
      .at('2026-03-04T10:00:00+08:00')
      .when({
        type: 'ConcludeComplaint',
        actor: windowClerk,
        complaintId: 'TS-1',
        substantiated: false,
        reply: '不属实',
      })
      .thenRefuses('ROLE_NOT_ALLOWED');
  });

  it('P4: given a case, when scored 6, then P4_SCORE_OUT_OF_RANGE; a score of 2 is a bad review due for rectification in 5 working days', () => {
    onTuesday()
      .when({ type: 'SubmitEvaluation', actor: guide, score: 6 })
      .thenRefuses('P4_SCORE_OUT_OF_RANGE');
    onTuesday()
      .when({ type: 'SubmitEvaluation', actor: guide, score: 2, comment: '等待时间太长' })
      .then({
        type: 'EvaluationSubmitted',
        data: { evaluationNo: 1, bad: true, rectifyBy: '2026-03-10T17:30:00+08:00' },
      });
    const [good] = onTuesday()
      .when({ type: 'SubmitEvaluation', actor: guide, score: 5 })
      .then({ type: 'EvaluationSubmitted', data: { bad: false } });
    expect((good as Extract<CaseEvent, { type: 'EvaluationSubmitted' }>).data.rectifyBy).toBeUndefined();
  });

  it('P4: given a bad review not rectified in time, then supervision flags it; a good review needs no rectification', () => {
    const reviewed = base().step(
      { type: 'SubmitEvaluation', actor: guide, score: 1 },
      '2026-03-03T10:00:00+08:00',
    );
    const flagged = given(...reviewed.events())
      .at('2026-03-10T17:31:00+08:00')
      .when({ type: 'RunSupervisionCheck', actor: system })
      .events();
    expect(flagged).toContainEqual(
      expect.objectContaining({
        type: 'StepOverdueFlagged',
        data: expect.objectContaining({ step: 'rectification', ref: '1' }),
      }),
    );
    const rectified = given(...reviewed.events())
      .at('2026-03-04T10:00:00+08:00')
      .when({
        type: 'RectifyEvaluation',
        actor: supervisor,
        evaluationNo: 1,
        valid: true,
        action: '已约谈窗口人员并回访申请人',
      });
    expect(rectified.state().evaluations[0]?.rectifiedAt).toBeDefined();
    const praised = base().step(
      { type: 'SubmitEvaluation', actor: guide, score: 4 },
      '2026-03-03T10:00:00+08:00',
    );
    given(...praised.events())
      .at('2026-03-04T10:00:00+08:00')
      .when({ type: 'RectifyEvaluation', actor: supervisor, evaluationNo: 1, valid: true, action: '无' })
      .thenRefuses('P4_RECTIFICATION_NOT_NEEDED');
  });
});
