/**
 * Pure: the `-overdueBy` order of GET /views/overdue as a keyset read, not a sort of the whole scope.
 *
 * Why deadline order gives overdueBy order. `overdueBy` is the office (working) minutes between the
 * deadline and the instant the case's clock is measured at, on its center's office clock
 * (assessTimeliness: `remainingMinutes` negated; overdue-cases.ts assessOverdue). What holds:
 * - The view's `deadlineAt` is the deadline the assessment measures from: case-view-of.ts writes it
 *   as `date(state.deadline)` from the very state stored beside it (levelStateOf), after every
 *   extension, suspension and resumption (T6, T9), and `suspendedNow` as
 *   `currentSuspension(state) !== undefined` from it too.
 * - One working calendar serves every center; only the office hours differ, per configured center,
 *   with the default hours for any other center and for a case without one (T1,
 *   projection-configuration.ts officeClock). So cases of centers with the same clock share one
 *   function f(d) = officeMinutesBetween(clock, d, now), which is non-increasing in d (it is the
 *   office time accrued up to `now` minus that accrued up to d).
 * - A case not stopped (clockStopped: closed, completed or decided awaiting delivery is never
 *   overdue) is measured at `now` unless suspended: then exactly f(deadline). A suspended case is
 *   measured at its suspension (T6): frozen, at most f(deadline) when it was suspended before now,
 *   possibly negative (C3: red through an old yellow card's overdue explanation, not yet past the
 *   deadline when suspended). So every candidate of a stream has overdueBy <= f(deadline), with
 *   equality for the running ones.
 * Hence, per clock, (-overdueBy, deadlineAt, caseId) runs along (deadlineAt, caseId) for running
 * cases; suspended ones lag behind and are held in a heap until no later deadline can come before
 * them. Several clocks are a k-way merge of per-clock reads, each bounded the same way.
 *
 * A cursor [-v, d, id] resumes a stream at the earliest deadline whose f can be <= v (and after
 * (d, id) when f(d) >= v): no running case before it can follow the cursor. A suspended case can
 * (its frozen overdueBy is below f), so the suspended cases before that start are read apart
 * (`parked`, few) and merged in. A candidate over its bound (a suspension recorded after `now`)
 * would break the argument: the page then answers undefined and the caller sorts the old way.
 */
import type { OfficeClock } from '#domain/calendar/index.js';
import { addOfficeMinutes } from '#domain/calendar/index.js';
import { overdueBound } from '#domain/timeliness/index.js';
import {
  assessOverdue,
  compareKeys,
  sortKeyOf,
  type OverdueCandidate,
  type OverdueCase,
  type OverdueEnvironment,
  type OverdueLevel,
  type SortKey,
} from './overdue-cases.js';

/** Beyond about ten years of office time a cursor bounds nothing worth computing with the calendar. */
const FAR_MINUTES = 10 * 366 * 24 * 60;
const FAR_MS = FAR_MINUTES * 60_000;

/** Where a stream resumes after the cursor: candidates after (deadlineAt, caseId), '' = from deadlineAt on. */
export interface StreamStart {
  readonly deadlineAt: number;
  readonly caseId: string;
}

/**
 * The start of a clock's read after cursor `after` (undefined: from the first deadline): the
 * earliest deadline d0 whose bound can be <= the cursor's overdueBy v (checked: the bound just
 * before d0 exceeds v, else no bound is assumed), and the cursor itself when its deadline's bound
 * on this clock is >= v (every later case then lies after it in deadline order too).
 */
export function streamStart(
  clock: OfficeClock,
  now: number,
  after: SortKey | undefined,
): StreamStart | undefined {
  if (after === undefined) return undefined;
  const [negative, deadlineAt, caseId] = after;
  const v = -negative;
  // A cursor this API gave holds what the reads found; any other start is only a shorter read.
  if (!(v <= FAR_MINUTES)) return undefined;
  // Nothing running is overdue by less than 0: only parked (suspended) cases can follow.
  if (v < 0) return { deadlineAt: now, caseId: '' };
  let start: StreamStart | undefined;
  const d0 = addOfficeMinutes(clock, now, -(v + 1)).value;
  if (d0 < now && overdueBound(clock, d0 - 1, now) > v) start = { deadlineAt: d0, caseId: '' };
  const near = deadlineAt >= now - FAR_MS && deadlineAt < now;
  if (near && overdueBound(clock, deadlineAt, now) >= v && (!start || deadlineAt >= start.deadlineAt))
    start = { deadlineAt, caseId };
  return start;
}

/**
 * The start within the asked deadline window (after deadlineAfter, before `before`): undefined for
 * the whole window, 'empty' when the window holds nothing from the start on.
 */
export function startWithin(
  start: StreamStart | undefined,
  before: number,
  deadlineAfter: number | undefined,
): StreamStart | 'empty' | undefined {
  if (start === undefined) return undefined;
  if (start.deadlineAt >= before) return 'empty';
  return deadlineAfter !== undefined && start.deadlineAt <= deadlineAfter ? undefined : start;
}

export interface OverdueStream {
  /** The office clock of every candidate of the stream. */
  readonly clock: OfficeClock;
  /** Its candidates in (deadlineAt, caseId) order, from its streamStart on. */
  readonly candidates: AsyncIterable<OverdueCandidate>;
}

/** A binary min-heap of overdue cases by their -overdueBy sort key. */
class KeyHeap {
  private readonly items: { key: SortKey; item: OverdueCase }[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): SortKey | undefined {
    return this.items[0]?.key;
  }
  push(item: OverdueCase): void {
    const a = this.items;
    a.push({ key: sortKeyOf(item, '-overdueBy'), item });
    for (let i = a.length - 1; i > 0;) {
      const up = (i - 1) >> 1;
      if (compareKeys(a[up]!.key, a[i]!.key) <= 0) break;
      [a[up], a[i]] = [a[i]!, a[up]!];
      i = up;
    }
  }
  pop(): OverdueCase {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && compareKeys(a[l]!.key, a[m]!.key) < 0) m = l;
        if (r < a.length && compareKeys(a[r]!.key, a[m]!.key) < 0) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top.item;
  }
}

/** What one `-overdueBy` page is asked for (overdue-by-read.ts passes its read on whole). */
export interface OverduePageRequest {
  readonly level: OverdueLevel | undefined;
  readonly environment: OverdueEnvironment;
  readonly now: number;
  readonly limit: number;
  /** The last key of the page before; undefined for the first page. */
  readonly cursor: SortKey | undefined;
}

/**
 * One `-overdueBy` page after the cursor: the streams merged (each pulled only while its frontier,
 * the lowest key any of its unread candidates can have, is not past the heap's least key) with the
 * `parked` candidates (read whole; they may repeat candidates a stream reads, and count once).
 * Undefined when a candidate is overdue by more than its bound (see the header).
 */
export async function overdueByPage(
  streams: readonly OverdueStream[],
  parked: Iterable<OverdueCandidate>,
  request: OverduePageRequest,
): Promise<{ page: OverdueCase[]; next: SortKey | undefined } | undefined> {
  const { level, environment, now, limit, cursor: after } = request;
  const heap = new KeyHeap();
  const seen = new Set<string>();
  const take = (entry: OverdueCandidate): OverdueCase | undefined => {
    const item = assessOverdue(entry, level, environment, now);
    if (!item || seen.has(entry.caseId)) return item;
    seen.add(entry.caseId);
    if (after === undefined || compareKeys(sortKeyOf(item, '-overdueBy'), after) > 0) heap.push(item);
    return item;
  };
  for (const entry of parked) take(entry);
  const live = streams.map((s) => ({
    clock: s.clock,
    iterator: s.candidates[Symbol.asyncIterator](),
    frontier: undefined as SortKey | undefined,
  }));
  const page: OverdueCase[] = [];
  try {
    while (page.length <= limit) {
      // The stream whose unread candidates may come first: one not read yet, else the lowest frontier.
      let lowest: (typeof live)[number] | undefined;
      for (const s of live)
        if (!lowest || (lowest.frontier && (!s.frontier || compareKeys(s.frontier, lowest.frontier) < 0)))
          lowest = s;
      const top = heap.peek();
      if (top && (!lowest || (lowest.frontier && compareKeys(top, lowest.frontier) <= 0))) {
        page.push(heap.pop());
        continue;
      }
      if (!lowest) break;
      const next = await lowest.iterator.next();
      if (next.done) {
        live.splice(live.indexOf(lowest), 1);
        continue;
      }
      const entry = next.value;
      const bound = overdueBound(lowest.clock, entry.deadlineAt, now);
      const item = take(entry);
      if (item && item.overdueBy > bound) return undefined;
      lowest.frontier = [-bound, entry.deadlineAt, entry.caseId];
    }
  } finally {
    await Promise.all(live.map((s) => s.iterator.return?.()));
  }
  const shown = page.slice(0, limit);
  return {
    page: shown,
    next: page.length > limit ? sortKeyOf(shown[shown.length - 1]!, '-overdueBy') : undefined,
  };
}
