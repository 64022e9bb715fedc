import type { EpochMs } from '../calendar/calendar-types.js';
import type { OfficeClock } from '../calendar/index.js';
import type { Matter } from '../catalog/matter.js';
import type { TimelinessPolicy } from '../timeliness/timeliness-policy.js';

/** What a decision needs besides the command and the state: data passed in, never read (DESIGN.md). */
export interface DecisionContext {
  /** Recording time: the clock port's now. */
  readonly now: EpochMs;
  /** The calendar and the case's center's office hours (T1, T2). */
  readonly clock: OfficeClock;
  /** The timeliness policy in force (C7). */
  readonly policy: TimelinessPolicy;
  /** The catalogued matter an application names, when the command is SubmitApplication. */
  readonly matter?: Matter;
  /** T6: the local suspension types the case's center allows (center configuration). */
  readonly localSuspensionTypes?: readonly string[];
}

/** U2: an entry more than this far in the past is back-dated and needs a reason. */
export const BACKDATE_TOLERANCE_MS = 10 * 60_000;
/** Clocks of window terminals drift; a step a little in the future is accepted as now. */
export const FUTURE_TOLERANCE_MS = 60_000;
