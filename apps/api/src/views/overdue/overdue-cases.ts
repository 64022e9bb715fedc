/**
 * Pure: the overdue cases among a roster's open deadlines at `now` (GET /views/overdue), filtered,
 * sorted and paged. A case is overdue when the domain's timeliness assessment at `now` leaves it
 * less than no office time (remainingMinutes < 0): its deadline has passed and it is still open,
 * whenever its view was built; a suspension stops the clock (T6), so a case suspended before its
 * deadline is not overdue while suspended. `overdueBy` is that office time, in working minutes.
 */
import type { OfficeClock } from '#domain/calendar/index.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import type { OpenDeadlineEntry } from '#infra/read-store/documents/open-deadline-roster-document.js';

export type OverdueSort = 'deadline' | '-overdueBy';
export type OverdueLevel = 'yellow' | 'red';

export interface OverdueFilters {
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
  readonly level?: OverdueLevel;
  readonly deadlineBefore?: number;
  readonly deadlineAfter?: number;
}

export interface OverdueCase {
  readonly entry: OpenDeadlineEntry;
  readonly level: OverdueLevel;
  readonly overdueBy: number;
}

export interface OverdueEnvironment {
  readonly policy: TimelinessPolicy;
  officeClock(centerId: string | null): OfficeClock;
}

/** The sort key of an item: compared element by element, the case id last. */
export function sortKeyOf(item: OverdueCase, sort: OverdueSort): [number, number, string] {
  return sort === 'deadline'
    ? [item.entry.deadlineAt, 0, item.entry.caseId]
    : [-item.overdueBy, item.entry.deadlineAt, item.entry.caseId];
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

export function overdueCases(
  entries: readonly OpenDeadlineEntry[],
  filters: OverdueFilters,
  environment: OverdueEnvironment,
  now: number,
): OverdueCase[] {
  const out: OverdueCase[] = [];
  for (const entry of entries) {
    // Cheap tests first: only a deadline already passed can be overdue.
    if (entry.deadlineAt >= now) continue;
    if (filters.centerId !== undefined && entry.centerId !== filters.centerId) continue;
    if (filters.departmentId !== undefined && entry.departmentId !== filters.departmentId) continue;
    if (filters.windowId !== undefined && entry.windowId !== filters.windowId) continue;
    if (filters.deadlineBefore !== undefined && !(entry.deadlineAt < filters.deadlineBefore)) continue;
    if (filters.deadlineAfter !== undefined && !(entry.deadlineAt > filters.deadlineAfter)) continue;
    const assessment = assessTimeliness(
      entry.timeliness,
      environment.policy,
      environment.officeClock(entry.centerId),
      now,
    );
    if (assessment.remainingMinutes === undefined || assessment.remainingMinutes >= 0) continue;
    const level: OverdueLevel = assessment.level === 'red' ? 'red' : 'yellow';
    if (filters.level !== undefined && level !== filters.level) continue;
    out.push({ entry, level, overdueBy: -assessment.remainingMinutes });
  }
  return out;
}

/** One page after `after` (the sort key of the previous page's last item); `next` when more follow. */
export function pageOf(
  items: readonly OverdueCase[],
  sort: OverdueSort,
  limit: number,
  after: readonly (string | number)[] | undefined,
): { page: OverdueCase[]; next: [number, number, string] | undefined } {
  const keyed = items.map((item) => ({ item, key: sortKeyOf(item, sort) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const rest = after === undefined ? keyed : keyed.filter((k) => compareKeys(k.key, after) > 0);
  const page = rest.slice(0, limit);
  return {
    page: page.map((k) => k.item),
    next: rest.length > limit ? page[page.length - 1]!.key : undefined,
  };
}
