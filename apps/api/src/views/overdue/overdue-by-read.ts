/**
 * The `-overdueBy` page of GET /views/overdue read as overdue-by-order.ts argues: one deadline-
 * ordered read per office clock in the scope (one for a center), each resumed after the cursor at
 * the earliest deadline that can follow it, the suspended cases before those starts read apart, and
 * the old whole-scope sort (overduePage) only when a candidate breaks the bound.
 */
import type { ClientSession, Filter } from 'mongodb';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import type { OpenCaseViews } from './open-case-views.js';
import { clockGroups } from '#domain/timeliness/index.js';
import {
  overdueByPage,
  startWithin,
  streamStart,
  type OverduePageRequest,
  type OverdueStream,
} from './overdue-by-order.js';
import {
  overduePage,
  type OverdueCandidate,
  type OverdueCase,
  type OverdueEnvironment,
  type SortKey,
} from './overdue-cases.js';

export interface OverdueByRead extends OverduePageRequest {
  readonly filter: Filter<StoredCaseViewDocument>;
  readonly before: number;
  /** Deadlines after this instant only. */
  readonly after?: number;
  readonly session?: ClientSession;
  readonly environment: OverdueEnvironment & { readonly centerIds: readonly string[] };
}

export async function overdueByRead(
  views: OpenCaseViews,
  read: OverdueByRead,
): Promise<{ page: OverdueCase[]; next: SortKey | undefined }> {
  const { filter, environment, now, limit, cursor } = read;
  const base = {
    ...(read.session && { session: read.session }),
    ...(read.after !== undefined && { after: read.after }),
  };
  // A center's cases share its clock; an unpinned scope reads once per clock (few: T1).
  const groups =
    typeof filter.centerId === 'string'
      ? [{ clock: environment.officeClock(filter.centerId), filter }]
      : filter.centerId !== undefined
        ? undefined
        : clockGroups((centerId) => environment.officeClock(centerId), environment.centerIds).map((g) => ({
            clock: g.clock,
            filter: {
              ...filter,
              ...('centerIds' in g
                ? { centerId: { $in: [...g.centerIds] } }
                : g.otherThan.length > 0 && { centerId: { $nin: [...g.otherThan] } }),
            },
          }));
  if (groups === undefined) {
    const all = views.passedDeadlines({ ...base, filter, before: read.before });
    return overduePage(all, read.level, environment, now, '-overdueBy', limit, cursor);
  }
  const streams: OverdueStream[] = [];
  const parked: OverdueCandidate[] = [];
  for (const group of groups) {
    const start = startWithin(streamStart(group.clock, now, cursor), read.before, read.after);
    if (start !== 'empty')
      streams.push({
        clock: group.clock,
        candidates: views.passedDeadlines({
          ...base,
          filter: group.filter,
          before: read.before,
          // Pages are short, and the suspended ones held back few: read about a page at a time.
          batchSize: limit + 1,
          ...(start && { from: start }),
        }),
      });
    // The suspended cases up to the start may still follow the cursor (their overdueBy is frozen).
    const upTo = start === 'empty' ? read.before : start?.deadlineAt;
    if (upTo !== undefined)
      for await (const entry of views.passedDeadlines({
        ...base,
        filter: group.filter,
        before: Math.min(read.before, upTo + 1),
        suspendedOnly: true,
      }))
        parked.push(entry);
  }
  const page = await overdueByPage(streams, parked, read);
  if (page) return page;
  const all = views.passedDeadlines({ ...base, filter, before: read.before });
  return overduePage(all, read.level, environment, now, '-overdueBy', limit, cursor);
}
