/**
 * Pure: what one case contributes to the S1 counts of each day, computed by the domain's
 * `serviceStatistics` over that case alone, one day at a time. The projection adds the difference
 * an event makes (after − before), so every count comes from the domain's definition of it.
 */
import { dayOf, MS_PER_DAY, startOfDay, toLocalDate, type OfficeClock } from '#domain/calendar/index.js';
import type { CaseState } from '#domain/case/case-state.js';
import { serviceStatistics } from '#domain/statistics/service-statistics.js';
import { COUNTER_NAMES, type StatisticsCounters } from '#infra/read-store/documents/statistics-documents.js';

export interface DayContribution {
  readonly centerId: string | null;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  /** `YYYY-MM-DD` */
  readonly day: string;
  readonly counters: StatisticsCounters;
}

/**
 * A fraction of days rounded to a multiple of 2^-30 (a billionth of a day, far below any figure
 * shown): sums of such numbers below 2^23 are exact in a double, so a day's `$inc`ed total is the
 * same whatever the order and grouping of its additions (the runner adds a batch's deltas to a
 * document in one `$inc`, and batches fall differently in a rebuild than live).
 */
const GRID = 2 ** 30;
const onGrid = (days: number): number => Math.round(days * GRID) / GRID;

/** The days on which the case did something S1 counts: received, accepted, closed, complained, evaluated. */
function activeDays(state: CaseState): Set<number> {
  const days = new Set<number>();
  const add = (t: number | undefined): void => {
    if (t !== undefined) days.add(dayOf(t));
  };
  add(state.receivedAt);
  add(state.acceptance?.acceptedAt);
  add(state.closedAt);
  add(state.completedAt);
  for (const c of state.complaints) add(c.filedAt);
  for (const e of state.evaluations) add(e.submittedAt);
  return days;
}

// The state after one event is the state before the next (the same object while the document is
// cached), so its contributions are computed once, not twice.
const computed = new WeakMap<CaseState, WeakMap<OfficeClock, Map<string, DayContribution>>>();

export function caseContributions(state: CaseState, clock: OfficeClock): Map<string, DayContribution> {
  const known = computed.get(state)?.get(clock);
  if (known) return known;
  const out = new Map<string, DayContribution>();
  const centerId = state.centerId ?? null;
  const departmentId = state.departmentId ?? null;
  const windowId = state.windowId ?? null;
  for (const day of activeDays(state)) {
    const from = startOfDay(day);
    // `now` only feeds "overdue now", which is counted at query time, not stored.
    const s = serviceStatistics([state], clock, from, from + MS_PER_DAY, from + MS_PER_DAY);
    const counters: StatisticsCounters = {
      received: s.received,
      accepted: s.accepted,
      rejected: s.rejected,
      completed: s.completed,
      immediate: s.immediate,
      completedOnTime: s.completedOnTime,
      workingDaysToComplete: onGrid((s.averageWorkingDaysToComplete ?? 0) * s.completed),
      complaints: s.complaints,
      substantiatedComplaints: s.substantiatedComplaints,
      evaluations: s.evaluations,
      satisfied: s.satisfactionRate === null ? 0 : Math.round(s.satisfactionRate * s.evaluations),
    };
    if (COUNTER_NAMES.every((k) => counters[k] === 0)) continue;
    const contribution = { centerId, departmentId, windowId, day: toLocalDate(day), counters };
    out.set(contributionKey(contribution), contribution);
  }
  const byClock = computed.get(state) ?? new WeakMap<OfficeClock, Map<string, DayContribution>>();
  byClock.set(clock, out);
  computed.set(state, byClock);
  return out;
}

/** The (center, department, window, day) a contribution counts in. */
export const contributionKey = (c: Omit<DayContribution, 'counters'>): string =>
  `${c.centerId ?? ''}\u0000${c.departmentId ?? ''}\u0000${c.windowId ?? ''}\u0000${c.day}`;

/** after − before, by (center, department, window, day); only the days whose counts changed. */
export function contributionDelta(
  before: Map<string, DayContribution>,
  after: Map<string, DayContribution>,
): DayContribution[] {
  const out: DayContribution[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = after.get(key);
    const b = before.get(key);
    const base = (a ?? b)!;
    const counters = {} as StatisticsCounters;
    let changed = false;
    for (const k of COUNTER_NAMES) {
      counters[k] = (a?.counters[k] ?? 0) - (b?.counters[k] ?? 0);
      if (counters[k] !== 0) changed = true;
    }
    if (changed)
      out.push({
        centerId: base.centerId,
        departmentId: base.departmentId,
        windowId: base.windowId,
        day: base.day,
        counters,
      });
  }
  return out;
}
