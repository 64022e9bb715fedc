import { anAcceptedCase, given, windowClerk } from '../../testing/index.js';

const complete = {
  type: 'CompleteCase',
  actor: windowClerk,
  outcome: 'approved',
  decisionNo: 'JD-1',
} as const;
/** A case accepted at 10:00, and the recording time of the next step. */
const acceptedAtTen = (now: string) => given(...anAcceptedCase('2026-03-02T10:00:00+08:00').events()).at(now);

describe('business time (occurredAt) by default', () => {
  it('U2: given a case accepted at 10:00, when a step without occurredAt comes at 11:00, then it happened at 11:00 (now)', () => {
    acceptedAtTen('2026-03-02T11:00:00+08:00')
      .when(complete)
      .then({ type: 'CaseCompleted', occurredAt: '2026-03-02T11:00:00+08:00' });
  });

  it("U2: given a case accepted at 10:00, when a step without occurredAt comes while the clock reads 09:00, then it is dated at the case's last step, never before it", () => {
    const [e] = acceptedAtTen('2026-03-02T09:00:00+08:00')
      .when(complete)
      .then({ type: 'CaseCompleted', occurredAt: '2026-03-02T10:00:00+08:00' });
    expect(e!.data).not.toHaveProperty('lateEntryReason');
  });

  it('U2: given a clock behind the case, when a step names an occurredAt before the last step, then it is still refused', () => {
    acceptedAtTen('2026-03-02T09:00:00+08:00')
      .when({ ...complete, occurredAt: '2026-03-02T09:00:00+08:00' })
      .thenRefuses('U2_OCCURRED_BEFORE_PREVIOUS_STEP', { field: 'occurredAt' });
  });
});
