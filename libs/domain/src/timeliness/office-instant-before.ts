import type { EpochMs } from '../calendar/calendar-types.js';
import { officeMinutesBetween, type OfficeClock } from '../calendar/index.js';

const MINUTE = 60_000;
/** Far enough back for any lead: the longest holiday run plus a few working weeks. */
const SEARCH_SPAN_MINUTES = 120 * 24 * 60;

/**
 * The earliest instant t (to the minute) from which no more than `minutes` office minutes are left
 * until `target`: when a C1 warning falls due. Office minutes left only shrink as t grows, so a
 * binary search needs about 18 O(1) calendar look-ups and no day lists.
 */
export function officeInstantBefore(clock: OfficeClock, target: EpochMs, minutes: number): EpochMs {
  let lo = Math.floor(target / MINUTE) - SEARCH_SPAN_MINUTES;
  let hi = Math.ceil(target / MINUTE);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (officeMinutesBetween(clock, mid * MINUTE, target).value <= minutes) hi = mid;
    else lo = mid + 1;
  }
  return Math.min(hi * MINUTE, target);
}
