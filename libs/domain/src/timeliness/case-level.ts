/**
 * What `level` means where a case is shown (GET /cases/{id}, /state, the dossier): the supervision
 * level of the case now. An open case's is assessed at the instant asked (C1–C3; a revoked card no
 * longer counts, C4). A case whose clock has stopped (closed, or decided with only its delivery
 * left, T12) is no longer supervised, so its `level` is "normal" and `closedLevel` says the level
 * it closed at ("yellow": completed late); the delivery has its own step flag.
 */
import type { EpochMs } from '../calendar/calendar-types.js';
import type { OfficeClock } from '../calendar/index.js';
import { clockStopped, type CaseState } from '../case/case-state.js';
import { assessTimeliness, type TimelinessLevel } from './assess-timeliness.js';
import type { TimelinessPolicy } from './timeliness-policy.js';

export interface CaseLevel {
  readonly level: TimelinessLevel;
  /** The level when the case closed; null while it is open. */
  readonly closedLevel: TimelinessLevel | null;
}

export function caseLevel(
  state: CaseState,
  policy: TimelinessPolicy,
  clock: OfficeClock,
  at: EpochMs,
): CaseLevel {
  const { level } = assessTimeliness(state, policy, clock, at);
  return clockStopped(state) ? { level: 'normal', closedLevel: level } : { level, closedLevel: null };
}
