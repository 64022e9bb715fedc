/**
 * Pure: the overdue cases among the open deadlines at `now` (GET /views/overdue), filtered, sorted
 * and paged. A case is overdue when the domain's timeliness assessment at `now` gives it level
 * yellow or red: its deadline has passed and it is still open, whenever its view was built; a
 * suspension stops the clock (T6), so a case suspended before its deadline is not overdue while
 * suspended. `overdueBy` is the office time since the deadline, in working minutes (0 in the
 * evening after a deadline at the close of office hours).
 *
 * Only a passed deadline can be overdue, so the entries (sorted by deadline) are read up to `now`;
 * in deadline order the assessment runs only until the page is full.
 */
import type { OfficeClock } from '#domain/calendar/index.js';
import { initialState } from '#domain/case/case-state.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import type { OpenDeadlineEntry } from '#infra/read-store/documents/open-deadline-roster-document.js';

export type OverdueSort = 'deadline' | '-overdueBy';
export type OverdueLevel = 'yellow' | 'red';
export type SortKey = [number, number, string];

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
export function sortKeyOf(item: OverdueCase, sort: OverdueSort): SortKey {
  return sort === 'deadline'
    ? [item.entry.deadlineAt, 0, item.entry.caseId]
    : [-item.overdueBy, item.entry.deadlineAt, item.entry.caseId];
}

function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function matches(entry: OpenDeadlineEntry, filters: OverdueFilters): boolean {
  return (
    (filters.centerId === undefined || entry.centerId === filters.centerId) &&
    (filters.departmentId === undefined || entry.departmentId === filters.departmentId) &&
    (filters.windowId === undefined || entry.windowId === filters.windowId) &&
    (filters.deadlineBefore === undefined || entry.deadlineAt < filters.deadlineBefore) &&
    (filters.deadlineAfter === undefined || entry.deadlineAt > filters.deadlineAfter)
  );
}

/** The entry as an overdue case at `now`, or undefined when it is not overdue (or not of the level asked). */
function assess(
  entry: OpenDeadlineEntry,
  filters: OverdueFilters,
  environment: OverdueEnvironment,
  now: number,
): OverdueCase | undefined {
  const assessment = assessTimeliness(
    { ...initialState, ...entry.timeliness },
    environment.policy,
    environment.officeClock(entry.centerId),
    now,
  );
  // Overdue exactly when the domain says so (level yellow or red: measured after the deadline), so
  // the view agrees with the cards: at 19:30 after a 17:30 deadline no office minute has passed, yet
  // the case is overdue and its yellow card is out (C2).
  if (assessment.level !== 'yellow' && assessment.level !== 'red') return undefined;
  const level: OverdueLevel = assessment.level;
  if (filters.level !== undefined && level !== filters.level) return undefined;
  return { entry, level, overdueBy: 0 - (assessment.remainingMinutes ?? 0) };
}

/** Every overdue case matching the filters; `entries` sorted by deadline. */
export function overdueCases(
  entries: readonly OpenDeadlineEntry[],
  filters: OverdueFilters,
  environment: OverdueEnvironment,
  now: number,
): OverdueCase[] {
  const out: OverdueCase[] = [];
  for (const entry of entries) {
    if (entry.deadlineAt >= now) break;
    if (!matches(entry, filters)) continue;
    const item = assess(entry, filters, environment, now);
    if (item) out.push(item);
  }
  return out;
}

/** One page after `after` (the sort key of the previous page's last item); `next` when more follow. */
export function overduePage(
  entries: readonly OpenDeadlineEntry[],
  filters: OverdueFilters,
  environment: OverdueEnvironment,
  now: number,
  sort: OverdueSort,
  limit: number,
  after: readonly (string | number)[] | undefined,
): { page: OverdueCase[]; next: SortKey | undefined } {
  let rest: OverdueCase[];
  if (sort === 'deadline') {
    // Deadline order is the entries' order: assess only until one more than a page is found.
    rest = [];
    for (const entry of entries) {
      if (entry.deadlineAt >= now) break;
      if (after !== undefined && compareKeys([entry.deadlineAt, 0, entry.caseId], after) <= 0) continue;
      if (!matches(entry, filters)) continue;
      const item = assess(entry, filters, environment, now);
      if (item) rest.push(item);
      if (rest.length > limit) break;
    }
  } else {
    const keyed = overdueCases(entries, filters, environment, now).map((item) => ({
      item,
      key: sortKeyOf(item, sort),
    }));
    keyed.sort((a, b) => compareKeys(a.key, b.key));
    rest = (after === undefined ? keyed : keyed.filter((k) => compareKeys(k.key, after) > 0)).map(
      (k) => k.item,
    );
  }
  const page = rest.slice(0, limit);
  return { page, next: rest.length > limit ? sortKeyOf(page[page.length - 1]!, sort) : undefined };
}
