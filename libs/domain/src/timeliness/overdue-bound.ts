/**
 * What ordering cases by how far they are overdue may assume (GET /views/overdue?sort=-overdueBy
 * reads them in deadline order instead of sorting a whole scope: apps/api/src/views/overdue/
 * overdue-by-order.ts).
 */
import type { EpochMs, OfficeClock } from '../calendar/index.js';
import { officeMinutesBetween } from '../calendar/index.js';

/**
 * The most a case whose deadline is `deadline` can be overdue by at `now`, in office minutes on its
 * clock: a running case exactly this, a suspended one at most this, its clock frozen at its
 * suspension (T6). Non-increasing in `deadline`, 0 from `now` on.
 */
export function overdueBound(clock: OfficeClock, deadline: EpochMs, now: EpochMs): number {
  return deadline < now ? officeMinutesBetween(clock, deadline, now).value : 0;
}

/**
 * The clocks a scope's cases are judged with (T1: one working calendar; office hours per configured
 * center, the default hours for every other center and for a case without one): the configured
 * centers grouped by equal hours, and the default clock's group given as the centers it is not.
 */
export type ClockGroup =
  | { readonly clock: OfficeClock; readonly centerIds: readonly string[] }
  | { readonly clock: OfficeClock; readonly otherThan: readonly string[] };

export function clockGroups(
  officeClock: (centerId: string | null) => OfficeClock,
  configuredCenterIds: readonly string[],
): ClockGroup[] {
  const defaultClock = officeClock(null);
  const hoursOf = (clock: OfficeClock): string => JSON.stringify(clock.hours);
  const byHours = new Map<string, { clock: OfficeClock; centerIds: string[] }>();
  for (const centerId of configuredCenterIds) {
    const clock = officeClock(centerId);
    // Today every clock shares the one calendar; a center with another would be a group of its own.
    const key = clock.calendar === defaultClock.calendar ? hoursOf(clock) : `center:${centerId}`;
    if (key === hoursOf(defaultClock)) continue;
    const group = byHours.get(key) ?? { clock, centerIds: [] };
    group.centerIds.push(centerId);
    byHours.set(key, group);
  }
  const own = [...byHours.values()];
  return [{ clock: defaultClock, otherThan: own.flatMap((g) => g.centerIds) }, ...own];
}
