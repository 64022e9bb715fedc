/**
 * Pure-ish: the overdue cases among open case views at `now` (GET /views/overdue), filtered by
 * level, sorted and paged. The read store has already narrowed the candidates to the caller's
 * scope, the filters and a deadline before `now` (open-case-views.ts), in (deadline, case id)
 * order. A case is overdue when the domain's timeliness assessment at `now` gives it level yellow
 * or red: its deadline has passed and it is still open, whenever its view was built; a suspension
 * stops the clock (T6), so a case suspended before its deadline is not overdue while suspended.
 * `overdueBy` is the office time since the deadline, in working minutes (0 in the evening after a
 * deadline at the close of office hours).
 */
import type { OfficeClock } from '#domain/calendar/index.js';
import type { Applicant } from '#domain/case/case-events.js';
import type { CaseState } from '#domain/case/case-state.js';
import { clockStopped } from '#domain/case/case-state.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';

export type OverdueSort = 'deadline' | '-overdueBy';
export type OverdueLevel = 'yellow' | 'red';
export type SortKey = [number, number, string];

/** An open case view with a passed deadline, as the overdue view reads it. */
export interface OverdueCandidate {
  readonly caseId: string;
  readonly status: string;
  readonly centerId: string | null;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly matterCode: string | null;
  readonly applicant: Applicant | null;
  readonly acceptedAt: Date | null;
  readonly deadlineAt: number;
  readonly revision: number;
  readonly position: string;
  /** What the level and the time left are assessed from (only those: case-view-document.ts levelStateOf). */
  readonly state: CaseState;
}

export interface OverdueCase {
  readonly entry: OverdueCandidate;
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

export function compareKeys(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** The candidate as an overdue case at `now`, or undefined when it is not overdue (or not of the level asked). */
export function assessOverdue(
  entry: OverdueCandidate,
  level: OverdueLevel | undefined,
  environment: OverdueEnvironment,
  now: number,
): OverdueCase | undefined {
  // T12: a decided approval awaiting delivery has stopped its clock; its delivery has its own flag.
  if (clockStopped(entry.state)) return undefined;
  const assessment = assessTimeliness(
    entry.state,
    environment.policy,
    environment.officeClock(entry.centerId),
    now,
  );
  // Overdue exactly when the domain says so (level yellow or red: measured after the deadline), so
  // the view agrees with the cards: at 19:30 after a 17:30 deadline no office minute has passed, yet
  // the case is overdue and its yellow card is out (C2).
  if (assessment.level !== 'yellow' && assessment.level !== 'red') return undefined;
  if (level !== undefined && assessment.level !== level) return undefined;
  return { entry, level: assessment.level, overdueBy: 0 - (assessment.remainingMinutes ?? 0) };
}

/**
 * One page after `after` (the sort key of the previous page's last item); `next` when more follow.
 * `candidates` yields in deadline order from `after`'s deadline on (deadline sort) or all of them
 * (-overdueBy sorted whole: what overdue-by-read.ts falls back to when a candidate breaks the bound
 * its keyset read rests on; it reads -overdueBy by keyset otherwise, overdue-by-order.ts).
 */
export async function overduePage(
  candidates: AsyncIterable<OverdueCandidate>,
  level: OverdueLevel | undefined,
  environment: OverdueEnvironment,
  now: number,
  sort: OverdueSort,
  limit: number,
  after: readonly (string | number)[] | undefined,
): Promise<{ page: OverdueCase[]; next: SortKey | undefined }> {
  const rest: OverdueCase[] = [];
  for await (const entry of candidates) {
    const item = assessOverdue(entry, level, environment, now);
    if (!item) continue;
    const key = sortKeyOf(item, sort);
    if (after !== undefined && compareKeys(key, after) <= 0) continue;
    rest.push(item);
    // Deadline order is the candidates' order: one more than a page is enough.
    if (sort === 'deadline' && rest.length > limit) break;
  }
  if (sort !== 'deadline') rest.sort((a, b) => compareKeys(sortKeyOf(a, sort), sortKeyOf(b, sort)));
  const page = rest.slice(0, limit);
  return { page, next: rest.length > limit ? sortKeyOf(page[page.length - 1]!, sort) : undefined };
}

/** Every overdue case of the candidates (S1's "overdue now"). */
export async function countOverdue(
  candidates: AsyncIterable<OverdueCandidate>,
  environment: OverdueEnvironment,
  now: number,
): Promise<number> {
  let n = 0;
  for await (const entry of candidates) if (assessOverdue(entry, undefined, environment, now)) n++;
  return n;
}
