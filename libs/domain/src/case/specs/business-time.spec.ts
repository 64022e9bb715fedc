import { acceptedCase, events, when, windowClerk } from './given-when-then.js';

const complete = {
  type: 'CompleteCase',
  actor: windowClerk,
  outcome: 'approved',
  decisionNo: 'JD-1',
} as const;

describe('business time (occurredAt) by default', () => {
  it('U2: given a case accepted at 10:00, when a step without occurredAt comes at 11:00, then it happened at 11:00 (now)', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const [e] = events(when(given, complete, { now: '2026-03-02T11:00:00+08:00' }));
    expect(e!.occurredAt).toBe('2026-03-02T11:00:00+08:00');
  });

  it("U2: given a case accepted at 10:00, when a step without occurredAt comes while the clock reads 09:00, then it is dated at the case's last step, never before it", () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    const [e] = events(when(given, complete, { now: '2026-03-02T09:00:00+08:00' }));
    expect(e!.occurredAt).toBe('2026-03-02T10:00:00+08:00');
    expect(e!.data).not.toHaveProperty('lateEntryReason');
  });

  it('U2: given a clock behind the case, when a step names an occurredAt before the last step, then it is still refused', () => {
    const given = acceptedCase('2026-03-02T10:00:00+08:00');
    expect(
      when(
        given,
        { ...complete, occurredAt: '2026-03-02T09:00:00+08:00' },
        { now: '2026-03-02T09:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'U2_OCCURRED_BEFORE_PREVIOUS_STEP', field: 'occurredAt' });
  });
});
