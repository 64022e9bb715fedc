import { assessTimeliness } from '../../timeliness/assess-timeliness.js';
import { publicCriticismDue } from '../../timeliness/public-criticism.js';
import { DEFAULT_TIMELINESS_POLICY, type TimelinessPolicy } from '../../timeliness/timeliness-policy.js';
import {
  anAcceptedCase,
  approver,
  at,
  clock,
  given,
  immediateMatter,
  otherWindow,
  supervisor,
  system,
  windowClerk,
  type CaseHistory,
  supervisionCheck as check,
} from '../../testing/index.js';

// A 5-day case accepted Monday 2026-03-02 is due Monday 2026-03-09 17:30.
const accepted = (): CaseHistory => anAcceptedCase('2026-03-02T10:00:00+08:00');
const supervise = (h: CaseHistory, now: string, policy?: TimelinessPolicy): CaseHistory =>
  h.step(check, { now, ...(policy && { policy }) });

describe('timeliness cards (电子监察)', () => {
  it('C1: given a 5-day case due Monday 17:30, then it is warned from Friday 17:30 and not a minute before', () => {
    given(...accepted().events())
      .at('2026-03-06T17:29:00+08:00')
      .when(check)
      .then();
    given(...accepted().events())
      .at('2026-03-06T17:30:00+08:00')
      .when(check)
      .then({
        type: 'WarningIssued',
        data: { level: 'warning', cardId: 'warning-202603091730', deadline: '2026-03-09T17:30:00+08:00' },
      });
  });

  it('C1: given an undisturbed case, then nextCheckAt is exactly when the warning falls due', () => {
    const a = assessTimeliness(
      accepted().state(),
      DEFAULT_TIMELINESS_POLICY,
      clock,
      at('2026-03-03T09:00:00+08:00'),
    );
    expect(a.level).toBe('normal');
    expect(a.nextCheckAt).toBe(at('2026-03-06T17:30:00+08:00'));
  });

  it('C1: given an immediate case accepted at 10:00, then it is warned at 10:20, 20 of its 30 minutes', () => {
    const h = anAcceptedCase('2026-03-04T10:00:00+08:00', immediateMatter).events();
    given(...h)
      .at('2026-03-04T10:19:00+08:00')
      .when(check)
      .then();
    given(...h)
      .at('2026-03-04T10:20:00+08:00')
      .when(check)
      .then({ type: 'WarningIssued' });
  });

  it('C2, C5: given the deadline has passed, then a yellow card is issued with a written explanation due in 2 working days', () => {
    const warned = supervise(accepted(), '2026-03-06T17:30:00+08:00').events();
    given(...warned)
      .at('2026-03-09T17:30:00+08:00')
      .when(check)
      .then();
    given(...warned)
      .at('2026-03-09T17:31:00+08:00')
      .when(check)
      .then({
        type: 'YellowCardIssued',
        data: {
          cardId: 'yellow-202603091730',
          departmentId: 'dept-market',
          explanationDueAt: '2026-03-11T17:30:00+08:00',
        },
      });
  });

  it('C3: given a case overdue by 3 working days, then a red card is issued (yellow too, when supervision missed it)', () => {
    given(...accepted().events())
      .at('2026-03-12T17:29:00+08:00')
      .when(check)
      .then({ type: 'YellowCardIssued' });
    given(...accepted().events())
      .at('2026-03-12T17:30:00+08:00')
      .when(check)
      .then({ type: 'YellowCardIssued' }, { type: 'RedCardIssued' });
  });

  it('C3, C5, T10: given a yellow card unexplained after 2 working days, then it turns red and the explanation is flagged overdue', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00').events();
    given(...yellow)
      .at('2026-03-11T17:31:00+08:00')
      .when(check)
      .then(
        { type: 'RedCardIssued', data: { cause: 'explanation_overdue' } },
        { type: 'StepOverdueFlagged', data: { step: 'explanation', ref: 'yellow-202603091730' } },
      );
  });

  it('C4: given the cards already issued, when supervision runs again, then nothing is written twice', () => {
    const once = supervise(supervise(accepted(), '2026-03-06T17:30:00+08:00'), '2026-03-09T18:00:00+08:00');
    given(...once.events())
      .at('2026-03-09T18:05:00+08:00')
      .when(check)
      .then();
  });

  it('C4: given a warning, when the case is extended, then the warning stands and the new deadline gets its own cards', () => {
    const extended = supervise(accepted(), '2026-03-06T17:30:00+08:00').step(
      {
        type: 'GrantExtension',
        actor: approver,
        days: 5,
        reason: '需组织现场核查',
        applicantNotifiedAt: '2026-03-09T09:00:00+08:00',
        channel: 'written',
      },
      '2026-03-09T09:00:00+08:00',
    );
    expect(extended.state().cards.map((c) => c.cardId)).toEqual(['warning-202603091730']);
    given(...extended.events())
      .at('2026-03-09T18:00:00+08:00')
      .when(check)
      .then();
    // New deadline 2026-03-16 17:30 (5 working days after 03-09); lead 1 day (limit 5).
    given(...extended.events())
      .at('2026-03-13T17:30:00+08:00')
      .when(check)
      .then({ type: 'WarningIssued', data: { cardId: 'warning-202603161730' } });
  });

  it('C4: given a card, when anyone but a supervisor revokes it, or a supervisor without a reason, then it is refused', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00').events();
    const revoke = { type: 'RevokeCard', cardId: 'yellow-202603091730', reason: '系统停电导致误判' } as const;
    const next = given(...yellow).at('2026-03-10T09:00:00+08:00');
    next.when({ ...revoke, actor: windowClerk }).thenRefuses('ROLE_NOT_ALLOWED');
    next.when({ ...revoke, actor: supervisor, reason: '' }).thenRefuses('C4_REVOCATION_REASON_REQUIRED');
    const revoked = next.when({ ...revoke, actor: supervisor });
    expect(revoked.state().cards[0]?.revokedAt).toBeDefined();
    given(...revoked.history())
      .at('2026-03-10T09:05:00+08:00')
      .when({ ...revoke, actor: supervisor })
      .thenRefuses('C4_CARD_ALREADY_REVOKED');
  });

  it('C5, R1: given a yellow card, when another department explains it, then the case is not found for it (outside its scope); its own department may, once', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00').events();
    const explain = {
      type: 'ExplainCard',
      cardId: 'yellow-202603091730',
      text: '因专家评审推迟，已书面说明',
    } as const;
    const next = given(...yellow).at('2026-03-10T09:00:00+08:00');
    next.when({ ...explain, actor: otherWindow }).thenRefuses('CASE_NOT_FOUND');
    const foreignApprover = { ...approver, departmentId: 'dept-tax' };
    next.when({ ...explain, actor: foreignApprover }).thenRefuses('CASE_NOT_FOUND');
    const explained = next.when({ ...explain, actor: approver });
    explained.then({ type: 'ExplanationSubmitted', data: { late: false } });
    given(...explained.history())
      .at('2026-03-10T09:05:00+08:00')
      .when({ ...explain, actor: approver })
      .thenRefuses('C5_EXPLANATION_ALREADY_GIVEN');
    // An explained yellow card does not turn red for want of an explanation.
    given(...explained.history())
      .at('2026-03-11T17:31:00+08:00')
      .when(check)
      .then();
  });

  it('C5: given a card whose department differs from the actor’s inside scope rules, then C5_EXPLANATION_WRONG_DEPARTMENT', () => {
    const yellow = supervise(accepted(), '2026-03-09T18:00:00+08:00').events();
    // A card recorded for another department (e.g. issued before the case moved) can only be explained by that department.
    const foreignCard = yellow.map((e) =>
      e.type === 'YellowCardIssued' ? { ...e, data: { ...e.data, departmentId: 'dept-tax' } } : e,
    );
    given(...foreignCard)
      .at('2026-03-10T09:00:00+08:00')
      .when({ type: 'ExplainCard', actor: approver, cardId: 'yellow-202603091730', text: '说明' })
      .thenRefuses('C5_EXPLANATION_WRONG_DEPARTMENT');
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
    const done = accepted().completed('2026-03-10T10:00:00+08:00');
    given(...done.events())
      .at('2026-03-10T10:01:00+08:00')
      .when({ type: 'RecommendPublicCriticism', actor: system, lateCaseIds: ['a', 'case-1'] })
      .then({
        type: 'PublicCriticismRecommended',
        data: { departmentId: 'dept-market', lateCaseIds: ['a', 'case-1'] },
      });
  });

  it('C7: given a card issued under one policy, when the policy changes, then the card keeps its version and is not issued again', () => {
    const warned = supervise(accepted(), '2026-03-06T17:30:00+08:00').events();
    const stricter: TimelinessPolicy = {
      ...DEFAULT_TIMELINESS_POLICY,
      version: 'center-1-2026.2',
      warningLeads: [{ maxLimitDays: 1000, leadDays: 3 }],
    };
    expect(warned[warned.length - 1]).toMatchObject({ data: { policyVersion: 'default-2026.1' } });
    given(...warned)
      .at('2026-03-06T17:40:00+08:00', { policy: stricter })
      .when(check)
      .then();
    // Another case under the new policy is warned 3 working days ahead.
    const other = anAcceptedCase('2026-03-02T10:00:00+08:00', undefined, 'case-2');
    given(...other.events())
      .at('2026-03-04T17:30:00+08:00', { policy: stricter })
      .when(check)
      .then({ type: 'WarningIssued', data: { policyVersion: 'center-1-2026.2' } });
  });
});
