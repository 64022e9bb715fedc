/**
 * Issue 12, item 9: what a case's level and a completion's lateness say (given / when / then).
 */
import { defineMatter } from '../../catalog/define-matter.js';
import { caseLevel } from '../../timeliness/case-level.js';
import { DEFAULT_TIMELINESS_POLICY } from '../../timeliness/timeliness-policy.js';
import {
  anAcceptedCase,
  at,
  clock,
  given,
  supervisor,
  system,
  windowClerk,
  type CaseHistory,
} from '../../testing/index.js';

const policy = DEFAULT_TIMELINESS_POLICY;
// A 5-day case accepted Monday 2026-03-02 is due Monday 2026-03-09 17:30.
const accepted = (): CaseHistory => anAcceptedCase('2026-03-02T10:00:00+08:00');
const supervised = (h: CaseHistory, now: string): CaseHistory =>
  h.step({ type: 'RunSupervisionCheck', actor: system }, now);
const levelAt = (h: CaseHistory, now: string) => caseLevel(h.state(), policy, clock, at(now));
const approve = {
  type: 'CompleteCase',
  actor: windowClerk,
  outcome: 'approved',
  decisionNo: 'JD-0001',
} as const;

describe('levels and lateness (issue 12)', () => {
  it('C4: given a red card a supervisor revoked, when the level is assessed, then the yellow card still standing sets it', () => {
    const red = supervised(supervised(accepted(), '2026-03-09T17:31:00+08:00'), '2026-03-12T17:31:00+08:00');
    expect(levelAt(red, '2026-03-12T17:32:00+08:00').level).toBe('red');
    const revoked = red.step(
      { type: 'RevokeCard', actor: supervisor, cardId: 'red-202603091730', reason: '节假日数据有误' },
      '2026-03-12T17:40:00+08:00',
    );
    expect(levelAt(revoked, '2026-03-13T09:00:00+08:00')).toEqual({ level: 'yellow', closedLevel: null });
  });

  it('C2: given a case completed late, when its level is read, then it is normal (no longer supervised) and closedLevel is yellow', () => {
    const completed = accepted().step(approve, '2026-03-10T09:00:00+08:00');
    expect(levelAt(completed, '2026-03-20T09:00:00+08:00')).toEqual({
      level: 'normal',
      closedLevel: 'yellow',
    });
  });

  it('C2: given a 17:30 deadline, when the case is completed at 17:31 (office closed), then it is late by 1 minute, not onTime false with 0', () => {
    given(...accepted().events())
      .at('2026-03-09T17:31:00+08:00')
      .when(approve)
      .then({ type: 'CaseCompleted', data: { onTime: false, overdueMinutes: 1 } });
    given(...accepted().events())
      .at('2026-03-09T17:30:00+08:00')
      .when(approve)
      .then({ type: 'CaseCompleted', data: { onTime: true, overdueMinutes: 0 } });
  });

  it('T3: given a promised matter, when it is defined, then its event carries no immediateLimitMinutes; an immediate one does', () => {
    const admin = { id: 'u-admin', name: '管理员赵敏', role: 'admin' } as const;
    const base = { code: 'M-1', name: '食品经营许可', departmentId: 'dept-market', requiredMaterials: [] };
    const promised = defineMatter(
      { ...base, kind: 'promised', promisedLimitDays: 5 },
      admin,
      '2026-03-02T09:00:00+08:00',
    );
    expect('data' in promised && promised.data).not.toHaveProperty('immediateLimitMinutes');
    const immediate = defineMatter(
      { ...base, kind: 'immediate', promisedLimitDays: 0 },
      admin,
      '2026-03-02T09:00:00+08:00',
    );
    expect('data' in immediate && immediate.data).toMatchObject({ immediateLimitMinutes: 30 });
  });
});
