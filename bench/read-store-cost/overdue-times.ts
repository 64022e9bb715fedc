/**
 * Bench only (run.ts): the overdue pages of the read-store bench, timed on whatever the read store
 * holds at the time: the deadline page, the -overdueBy page (keyset reads, and the old whole-scope
 * sort it replaced, `oldRuns` times, checked to answer the same page) and the read store's own query.
 */
import type { Db } from 'mongodb';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import {
  deadlineOrder,
  deadlineRange,
  OpenCaseViews,
} from '../../apps/api/src/views/overdue/open-case-views.js';
import { overdueByRead } from '../../apps/api/src/views/overdue/overdue-by-read.js';
import { overduePage, type SortKey } from '../../apps/api/src/views/overdue/overdue-cases.js';
import { ReadModelPositions } from '../../apps/api/src/views/read-model-positions.js';
import { percentile } from '../support/percentile.js';

/** The overdue page as GET /views/overdue runs it (supervisor of center-1, sort deadline, 50), 100 times. */
export async function overdueTimes(
  db: Db,
  store: EventStore,
  now: number,
  oldRuns: number,
): Promise<{
  p95: number;
  queryP95: number;
  byP95: number;
  byFirstP95: number;
  byDeepP95: number;
  oldByP95: number;
  items: number;
}> {
  const positions = new ReadModelPositions({ db, store, clock: { mode: 'manual', now: () => now } as never });
  const views = new OpenCaseViews(positions);
  const env = await positions.configuration('case-views');
  const ms: number[] = [];
  let items = 0;
  for (let q = 0; q < 100; q++) {
    const t = performance.now();
    const { page } = await overduePage(
      views.passedDeadlines({ filter: { centerId: 'center-1' }, before: now, batchSize: 51 }),
      undefined,
      env,
      now,
      'deadline',
      50,
      undefined,
    );
    ms.push(performance.now() - t);
    items = page.length;
  }
  // The -overdueBy page (keyset reads, overdue-by-order.ts): the first page, and one 1,000 cases in.
  const byRead = (cursor: SortKey | undefined): ReturnType<typeof overdueByRead> =>
    overdueByRead(views, {
      filter: { centerId: 'center-1' },
      before: now,
      level: undefined,
      environment: env,
      now,
      limit: 50,
      cursor,
    });
  let deep: SortKey | undefined;
  for (let p = 0; p < 20; p++) deep = (await byRead(deep)).next;
  const byMs: number[][] = [[], []];
  for (let q = 0; q < 100; q++) {
    const t = performance.now();
    await byRead(q % 2 === 0 ? undefined : deep);
    byMs[q % 2]!.push(performance.now() - t);
  }
  // The old -overdueBy page on the same data: every candidate of the scope read, assessed, sorted
  // (overduePage, what overdue-by-read.ts still falls back to). Fewer runs: each reads them all.
  const oldRead = (cursor: SortKey | undefined): ReturnType<typeof overduePage> =>
    overduePage(
      views.passedDeadlines({ filter: { centerId: 'center-1' }, before: now }),
      undefined,
      env,
      now,
      '-overdueBy',
      50,
      cursor,
    );
  const oldMs: number[] = [];
  for (let q = 0; q < oldRuns; q++) {
    const cursor = q % 2 === 0 ? undefined : deep;
    const t = performance.now();
    const old = await oldRead(cursor);
    oldMs.push(performance.now() - t);
    // Both answer the same page, or the comparison means nothing.
    if (q < 2) {
      const ids = (r: Awaited<ReturnType<typeof oldRead>>): string =>
        r.page.map((i) => `${i.entry.caseId}:${i.overdueBy}`).join();
      if (ids(old) !== ids(await byRead(cursor))) throw new Error('-overdueBy: old and new pages differ');
    }
  }
  // The read store's part alone: the same query, one page, as the driver sends it.
  const queryMs: number[] = [];
  const cases = db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews);
  for (let q = 0; q < 100; q++) {
    const t = performance.now();
    await cases
      .find({ $and: [{ centerId: 'center-1' }, deadlineRange('runningDeadlineAt', { before: now })] })
      .sort(deadlineOrder('runningDeadlineAt'))
      .limit(51)
      .toArray();
    queryMs.push(performance.now() - t);
  }
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    p95: round(percentile(ms, 95)),
    queryP95: round(percentile(queryMs, 95)),
    byP95: round(percentile(byMs.flat(), 95)),
    byFirstP95: round(percentile(byMs[0]!, 95)),
    byDeepP95: round(percentile(byMs[1]!, 95)),
    oldByP95: round(percentile(oldMs, 95)),
    items,
  };
}
