import type { EpochMs } from '../calendar/calendar-types.js';

/** Whether a step's time falls in the statistics period [from, to) (S1, P7); no time, not in it. */
export const inPeriod = (t: EpochMs | undefined, from: EpochMs, to: EpochMs): boolean =>
  t !== undefined && t >= from && t < to;
