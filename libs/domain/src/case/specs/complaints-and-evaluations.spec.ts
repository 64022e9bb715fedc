import type { CaseEvent } from '../case-events.js';
import {
  acceptedCase,
  auditor,
  events,
  guide,
  stateOf,
  supervisor,
  system,
  when,
  windowClerk,
} from './given-when-then.js';

const base = (): CaseEvent[] => acceptedCase('2026-03-02T10:00:00+08:00');
const complaint = {
  type: 'FileComplaint',
  complaintId: 'TS-1',
  channel: '现场',
  subject: { kind: 'staff', id: 'u-window' },
  content: '窗口人员推诿',
} as const;

describe('complaints and evaluations (投诉与好差评)', () => {
  it('P1: given a case, when a complaint arrives on a Sunday night, then it is accepted with channel, subject and content', () => {
    const [e] = events(when(base(), { ...complaint, actor: guide }, { now: '2026-03-08T22:00:00+08:00' }));
    expect(e).toMatchObject({
      type: 'ComplaintFiled',
      data: { channel: '现场', subject: { kind: 'staff', id: 'u-window' } },
    });
  });

  it('P1: given a case, when a complaint has no content, then P1_COMPLAINT_INCOMPLETE; auditors never record one', () => {
    expect(
      when(base(), { ...complaint, actor: guide, content: '' }, { now: '2026-03-03T10:00:00+08:00' }),
    ).toMatchObject({
      code: 'P1_COMPLAINT_INCOMPLETE',
    });
    expect(
      when(base(), { ...complaint, actor: auditor }, { now: '2026-03-03T10:00:00+08:00' }),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('P2: given a complaint filed Tuesday 03-03, then it is due 03-10 17:30 and a later conclusion is recorded as late', () => {
    const filed = [
      ...base(),
      ...events(when(base(), { ...complaint, actor: guide }, { now: '2026-03-03T10:00:00+08:00' })),
    ];
    expect(filed[filed.length - 1]).toMatchObject({ data: { dueAt: '2026-03-10T17:30:00+08:00' } });
    const [concluded] = events(
      when(
        filed,
        {
          type: 'ConcludeComplaint',
          actor: supervisor,
          complaintId: 'TS-1',
          substantiated: true,
          reply: '经核查属实，已批评教育',
        },
        { now: '2026-03-11T09:00:00+08:00' },
      ),
    );
    expect(concluded).toMatchObject({
      type: 'ComplaintConcluded',
      data: { substantiated: true, late: true },
    });
    const done = [...filed, concluded!];
    expect(
      when(
        done,
        {
          type: 'ConcludeComplaint',
          actor: supervisor,
          complaintId: 'TS-1',
          substantiated: false,
          reply: '重复',
        },
        { now: '2026-03-11T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P2_COMPLAINT_ALREADY_CONCLUDED' });
  });

  it('P2: given a complaint, when a window clerk concludes it, then ROLE_NOT_ALLOWED', () => {
    const filed = [
      ...base(),
      ...events(when(base(), { ...complaint, actor: guide }, { now: '2026-03-03T10:00:00+08:00' })),
    ];
    expect(
      when(
        filed,
        {
          type: 'ConcludeComplaint',
          actor: windowClerk,
          complaintId: 'TS-1',
          substantiated: false,
          reply: '不属实',
        },
        { now: '2026-03-04T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it('P4: given a case, when scored 6, then P4_SCORE_OUT_OF_RANGE; a score of 2 is a bad review due for rectification in 5 working days', () => {
    expect(
      when(
        base(),
        { type: 'SubmitEvaluation', actor: guide, score: 6 },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    ).toMatchObject({
      code: 'P4_SCORE_OUT_OF_RANGE',
    });
    const [bad] = events(
      when(
        base(),
        { type: 'SubmitEvaluation', actor: guide, score: 2, comment: '等待时间太长' },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    );
    expect(bad).toMatchObject({
      data: { evaluationNo: 1, bad: true, rectifyBy: '2026-03-10T17:30:00+08:00' },
    });
    const [good] = events(
      when(
        base(),
        { type: 'SubmitEvaluation', actor: guide, score: 5 },
        { now: '2026-03-03T10:00:00+08:00' },
      ),
    );
    expect(good).toMatchObject({ data: { bad: false } });
    expect((good as Extract<CaseEvent, { type: 'EvaluationSubmitted' }>).data.rectifyBy).toBeUndefined();
  });

  it('P4: given a bad review not rectified in time, then supervision flags it; a good review needs no rectification', () => {
    const reviewed = [
      ...base(),
      ...events(
        when(
          base(),
          { type: 'SubmitEvaluation', actor: guide, score: 1 },
          { now: '2026-03-03T10:00:00+08:00' },
        ),
      ),
    ];
    const flagged = events(
      when(reviewed, { type: 'RunSupervisionCheck', actor: system }, { now: '2026-03-10T17:31:00+08:00' }),
    );
    expect(flagged).toContainEqual(
      expect.objectContaining({
        type: 'StepOverdueFlagged',
        data: expect.objectContaining({ step: 'rectification', ref: '1' }),
      }),
    );
    const rectified = events(
      when(
        reviewed,
        {
          type: 'RectifyEvaluation',
          actor: supervisor,
          evaluationNo: 1,
          valid: true,
          action: '已约谈窗口人员并回访申请人',
        },
        { now: '2026-03-04T10:00:00+08:00' },
      ),
    );
    expect(stateOf([...reviewed, ...rectified]).evaluations[0]?.rectifiedAt).toBeDefined();
    const praised = [
      ...base(),
      ...events(
        when(
          base(),
          { type: 'SubmitEvaluation', actor: guide, score: 4 },
          { now: '2026-03-03T10:00:00+08:00' },
        ),
      ),
    ];
    expect(
      when(
        praised,
        { type: 'RectifyEvaluation', actor: supervisor, evaluationNo: 1, valid: true, action: '无' },
        { now: '2026-03-04T10:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'P4_RECTIFICATION_NOT_NEEDED' });
  });
});
