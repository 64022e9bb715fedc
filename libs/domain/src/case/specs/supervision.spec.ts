import { assessTimeliness } from '../../timeliness/assess-timeliness.js';
import { publicCriticismDue } from '../../timeliness/public-criticism.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '../../timeliness/timeliness-policy.js';
import type { CaseEvent } from '../case-events.js';
import type { RunSupervisionCheck } from '../case-commands.js';
import {
  acceptedCase,
  approver,
  at,
  clock,
  events,
  immediateMatter,
  otherWindow,
  promisedMatter,
  stateOf,
  supervisor,
  system,
  when,
  windowClerk,
} from './given-when-then.js';

const check: RunSupervisionCheck = { type: 'RunSupervisionCheck', actor: system };
// A 5-day case accepted Monday 2026-03-02 is due Monday 2026-03-09 17:30.
const accepted = (): CaseEvent[] => acceptedCase('2026-03-02T10:00:00+08:00');
const supervise = (given: CaseEvent[], now: string, policy?: TimelinessPolicy): CaseEvent[] => [
  ...given,
  ...events(when(given, check, { now, ...(policy && { policy }) })),
];
const types = (es: readonly CaseEvent[]): string[] => es.map((e) => e.type);

describe('timeliness cards (电子监察)', () => {
  it('C1: given a 5-day case due Monday 17:30, then it is warned from Friday 17:30 and not a minute before', () => {
    expect(events(when(accepted(), check, { now: '2026-03-06T17:29:00+08:00' }))).toEqual([]);
    const warned = events(when(accepted(), check, { now: '2026-03-06T17:30:00+08:00' }));
    expect(warned).toMatchObject([
      {
        type: 'WarningIssued',
        data: { level: 'warning', cardId: 'warning-202603091730', deadline: '2026-03-09T17:30:00+08:00' },
      },
    ]);
  });

  it('C1: given an undisturbed case, then nextCheckAt is exactly when the warning falls due', () => {
    const a = assessTimeliness(
      stateOf(accepted()),
      DEFAULT_TIMELINESS_POLICY,
      clock,
      at('2026-03-03T09:00:00+08:00'),
    );
    expect(a.level).toBe('normal');
    expect(a.nextCheckAt).toBe(at('2026-03-06T17:30:00+08:00'));
  });

  it('C1: given an immediate case accepted at 10:00, then it is warned at 10:20, 20 of its 30 minutes', () => {
    const given = acceptedCase('2026-03-04T10:00:00+08:00', immediateMatter);
    expect(events(when(given, check, { now: '2026-03-04T10:19:00+08:00' }))).toEqual([]);
    expect(types(events(when(given, check, { now: '2026-03-04T10:20:00+08:00' })))).toEqual([
      'WarningIssued',
    ]);
  });

  it('C2, C5: given the deadline has passed, then a yellow card is issued with a written explanation due in 2 working days', () => {
    const warned = supervise(accepted(), '2026-03-06T17:30:00+08:00');
    expect(events(when(warned, check, { now: '2026-03-09T17:30:00+08:00' }))).toEqual([]);
    const [yellow] = events(when(warned, check, { now: '2026-03-09T17:31:00+08:00' }));
    expect(yellow).toMatchObject({
      type: 'YellowCardIssued',
      data: {
        cardId: 'yellow-202603091730',
        departmentId: 'dept-market',
        explanationDueAt: '2026-03-11T17:30:00+08:00',
      },
    });
  });

  it('C3: given a case overdue by 3 working days, then a red card is issued (yellow too, when supervision missed it)', () => {
    expect(types(events(when(accepted(), check, { now: '2026-03-12T17:29:00+08:00' })))).toEqual([
      'YellowCardIssued',
    ]);
    expect(types(events(when(accepted(), check, { now: '2026-03-12T17:30:00+08:00' })))).toEqual([
      'YellowCardIssued',
      'RedCardIssued',
    ]);
  });

  it('C3, C5, T10: given a yellow card unexplained after 2 working days, then it turns red and the explanation is flagged overdue', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00');
    const escalated = events(when(yellow, check, { now: '2026-03-11T17:31:00+08:00' }));
    expect(escalated).toMatchObject([
      { type: 'RedCardIssued', data: { cause: 'explanation_overdue' } },
      { type: 'StepOverdueFlagged', data: { step: 'explanation', ref: 'yellow-202603091730' } },
    ]);
  });

  it('C4: given the cards already issued, when supervision runs again, then nothing is written twice', () => {
    const once = supervise(supervise(accepted(), '2026-03-06T17:30:00+08:00'), '2026-03-09T18:00:00+08:00');
    expect(events(when(once, check, { now: '2026-03-09T18:05:00+08:00' }))).toEqual([]);
  });

  it('C4: given a warning, when the case is extended, then the warning stands and the new deadline gets its own cards', () => {
    const warned = supervise(accepted(), '2026-03-06T17:30:00+08:00');
    const extended = [
      ...warned,
      ...events(
        when(
          warned,
          {
            type: 'GrantExtension',
            actor: approver,
            days: 5,
            reason: '需组织现场核查',
            applicantNotifiedAt: '2026-03-09T09:00:00+08:00',
            channel: 'written',
          },
          { now: '2026-03-09T09:00:00+08:00' },
        ),
      ),
    ];
    const state = stateOf(extended);
    expect(state.cards.map((c) => c.cardId)).toEqual(['warning-202603091730']);
    expect(events(when(extended, check, { now: '2026-03-09T18:00:00+08:00' }))).toEqual([]);
    // New deadline 2026-03-16 17:30 (5 working days after 03-09); lead 1 day (limit 5).
    expect(events(when(extended, check, { now: '2026-03-13T17:30:00+08:00' }))).toMatchObject([
      { type: 'WarningIssued', data: { cardId: 'warning-202603161730' } },
    ]);
  });

  it('C4: given a card, when anyone but a supervisor revokes it, or a supervisor without a reason, then it is refused', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00');
    const revoke = { type: 'RevokeCard', cardId: 'yellow-202603091730', reason: '系统停电导致误判' } as const;
    expect(
      when(yellow, { ...revoke, actor: windowClerk }, { now: '2026-03-10T09:00:00+08:00' }),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
    expect(
      when(yellow, { ...revoke, actor: supervisor, reason: '' }, { now: '2026-03-10T09:00:00+08:00' }),
    ).toMatchObject({
      code: 'C4_REVOCATION_REASON_REQUIRED',
    });
    const revoked = [
      ...yellow,
      ...events(when(yellow, { ...revoke, actor: supervisor }, { now: '2026-03-10T09:00:00+08:00' })),
    ];
    expect(stateOf(revoked).cards[0]?.revokedAt).toBeDefined();
    expect(
      when(revoked, { ...revoke, actor: supervisor }, { now: '2026-03-10T09:05:00+08:00' }),
    ).toMatchObject({ code: 'C4_CARD_ALREADY_REVOKED' });
  });

  it('C5, R1: given a yellow card, when another department explains it, then the case is not found for it (outside its scope); its own department may, once', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00');
    const explain = {
      type: 'ExplainCard',
      cardId: 'yellow-202603091730',
      text: '因专家评审推迟，已书面说明',
    } as const;
    expect(
      when(yellow, { ...explain, actor: otherWindow }, { now: '2026-03-10T09:00:00+08:00' }),
    ).toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    const foreignApprover = { ...approver, departmentId: 'dept-tax' };
    expect(
      when(yellow, { ...explain, actor: foreignApprover }, { now: '2026-03-10T09:00:00+08:00' }),
    ).toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    const explained = [
      ...yellow,
      ...events(when(yellow, { ...explain, actor: approver }, { now: '2026-03-10T09:00:00+08:00' })),
    ];
    expect(explained[explained.length - 1]).toMatchObject({
      type: 'ExplanationSubmitted',
      data: { late: false },
    });
    expect(
      when(explained, { ...explain, actor: approver }, { now: '2026-03-10T09:05:00+08:00' }),
    ).toMatchObject({
      code: 'C5_EXPLANATION_ALREADY_GIVEN',
    });
    // An explained yellow card does not turn red for want of an explanation.
    expect(events(when(explained, check, { now: '2026-03-11T17:31:00+08:00' }))).toEqual([]);
  });

  it('C5: given a card whose department differs from the actor’s inside scope rules, then C5_EXPLANATION_WRONG_DEPARTMENT', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00');
    // A card recorded for another department (e.g. issued before the case moved) can only be explained by that department.
    const foreignCard = yellow.map((e) =>
      e.type === 'YellowCardIssued' ? { ...e, data: { ...e.data, departmentId: 'dept-tax' } } : e,
    );
    expect(
      when(
        foreignCard,
        { type: 'ExplainCard', actor: approver, cardId: 'yellow-202603091730', text: '说明' },
        { now: '2026-03-10T09:00:00+08:00' },
      ),
    ).toMatchObject({ code: 'C5_EXPLANATION_WRONG_DEPARTMENT' });
  });

  it('C6: given two late completions of a department within 30 days, then a public criticism is recommended; one on time in between resets it', () => {
    const late = (caseId: string, completedAt: string, onTime = false) => ({
      caseId,
      departmentId: 'dept-market',
      completedAt,
      onTime,
    });
    expect(
      publicCriticismDue(
        [late('a', '2026-03-01T10:00:00+08:00'), late('b', '2026-03-20T10:00:00+08:00')],
        DEFAULT_TIMELINESS_POLICY,
      ),
    ).toEqual(['a', 'b']);
    expect(
      publicCriticismDue(
        [
          late('a', '2026-03-01T10:00:00+08:00'),
          late('c', '2026-03-10T10:00:00+08:00', true),
          late('b', '2026-03-20T10:00:00+08:00'),
        ],
        DEFAULT_TIMELINESS_POLICY,
      ),
    ).toBeUndefined();
    expect(
      publicCriticismDue(
        [late('a', '2026-01-01T10:00:00+08:00'), late('b', '2026-03-20T10:00:00+08:00')],
        DEFAULT_TIMELINESS_POLICY,
      ),
    ).toBeUndefined();
    const done = [
      ...accepted(),
      ...events(
        when(
          accepted(),
          { type: 'CompleteCase', actor: windowClerk, outcome: 'approved', decisionNo: 'JD-1' },
          { now: '2026-03-10T10:00:00+08:00' },
        ),
      ),
    ];
    const [rec] = events(
      when(
        done,
        { type: 'RecommendPublicCriticism', actor: system, lateCaseIds: ['a', 'case-1'] },
        { now: '2026-03-10T10:01:00+08:00' },
      ),
    );
    expect(rec).toMatchObject({
      type: 'PublicCriticismRecommended',
      data: { departmentId: 'dept-market', lateCaseIds: ['a', 'case-1'] },
    });
  });

  it('C7: given a card issued under one policy, when the policy changes, then the card keeps its version and is not issued again', () => {
    const warned = supervise(accepted(), '2026-03-06T17:30:00+08:00');
    const stricter: TimelinessPolicy = {
      ...DEFAULT_TIMELINESS_POLICY,
      version: 'center-1-2026.2',
      warningLeads: [{ maxLimitDays: 1000, leadDays: 3 }],
    };
    expect(warned[warned.length - 1]).toMatchObject({ data: { policyVersion: 'default-2026.1' } });
    expect(events(when(warned, check, { now: '2026-03-06T17:40:00+08:00', policy: stricter }))).toEqual([]);
    // Another case under the new policy is warned 3 working days ahead.
    const other = acceptedCase('2026-03-02T10:00:00+08:00', undefined, 'case-2');
    expect(events(when(other, check, { now: '2026-03-04T17:30:00+08:00', policy: stricter }))).toMatchObject([
      { type: 'WarningIssued', data: { policyVersion: 'center-1-2026.2' } },
    ]);
  });

  it('T6, C1: given a suspended case, then its remaining time is frozen and no card falls due while suspended', () => {
    const given = accepted();
    const suspended = [
      ...given,
      ...events(
        when(
          given,
          {
            type: 'SuspendCase',
            actor: windowClerk,
            suspensionType: 'testing',
            expectedDays: 5,
            reason: '产品检测',
            applicantNotifiedAt: '2026-03-03T10:00:00+08:00',
          },
          { now: '2026-03-03T10:00:00+08:00' },
        ),
      ),
    ];
    expect(events(when(suspended, check, { now: '2026-03-20T10:00:00+08:00' }))).toEqual([]);
    const a = assessTimeliness(
      stateOf(suspended),
      DEFAULT_TIMELINESS_POLICY,
      clock,
      at('2026-03-20T10:00:00+08:00'),
    );
    expect(a.level).toBe('normal');
    expect(a.remainingMinutes).toBe(officeMinutes('2026-03-03T10:00:00+08:00', '2026-03-09T17:30:00+08:00'));
  });

  it('T10: given a case on time, when a complaint stays open past 5 working days, then the step is flagged anyway', () => {
    // A 10-day case accepted 2026-03-02 is due 03-16; the complaint filed the same day is due 03-09 17:30.
    const given = acceptedCase('2026-03-02T10:00:00+08:00', { ...promisedMatter, promisedLimitDays: 10 });
    const complained = [
      ...given,
      ...events(
        when(
          given,
          {
            type: 'FileComplaint',
            actor: supervisor,
            complaintId: 'TS-1',
            channel: '12345热线',
            subject: { kind: 'case' },
            content: '窗口态度差',
          },
          { now: '2026-03-02T11:00:00+08:00' },
        ),
      ),
    ];
    expect(events(when(complained, check, { now: '2026-03-09T17:30:00+08:00' }))).toEqual([]);
    const flagged = events(when(complained, check, { now: '2026-03-09T17:31:00+08:00' }));
    expect(flagged).toMatchObject([
      {
        type: 'StepOverdueFlagged',
        data: { step: 'complaint', ref: 'TS-1', dueAt: '2026-03-09T17:30:00+08:00' },
      },
    ]);
    expect(
      assessTimeliness(stateOf(complained), DEFAULT_TIMELINESS_POLICY, clock, at('2026-03-09T17:31:00+08:00'))
        .level,
    ).toBe('normal');
  });

  it('T10: given a received application without notice or decision for 5 working days, then the supplement-notice step is flagged', () => {
    const received = acceptedCase('2026-03-02T10:00:00+08:00').slice(0, 2);
    expect(events(when(received, check, { now: '2026-03-09T17:31:00+08:00' }))).toMatchObject([
      { type: 'StepOverdueFlagged', data: { step: 'supplement_notice', ref: 'case' } },
    ]);
  });
});

function officeMinutes(from: string, to: string): number {
  let n = 0;
  for (let t = at(from); t < at(to); t += 60_000) {
    const d = new Date(t + 8 * 3_600_000);
    const m = d.getUTCHours() * 60 + d.getUTCMinutes();
    if (
      clock.calendar.isWorkingDay(Math.floor((t + 8 * 3_600_000) / 86_400_000)) &&
      ((m >= 510 && m < 720) || (m >= 870 && m < 1050))
    )
      n++;
  }
  return n;
}
