/**
 * `npm run build && node dist/bench/read-store-cost/queries.js` (issue 19): the read models' queries
 * on the local FerretDB build with its pushdown (scripts/ferretdb: pre-filter, sort and limit) on
 * and off (GSC_FERRETDB_PREFILTER=off), over BENCH_CASES (30,000) open case views of ONE center,
 * SEEDED straight into `case_views` in the projector's exact shape (seed-case-views.ts: the domain
 * and the case_views projection's own `apply` and codec build each one). Each query as the API or
 * supervision sends it, 20 times per server (BENCH_OFF=0 skips the server without the pushdown,
 * which takes seconds per query). Prints p50/p95 per query; last line: one JSON object.
 */
import { join } from 'node:path';
import { MongoClient, type Db, type Document } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { deadlineOrder, deadlineRange } from '../../apps/api/src/views/overdue/open-case-views.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { worklistQuery, worklistReads } from '../../apps/api/src/views/worklist/worklist-query.js';
import { percentile } from '../support/percentile.js';
import { clerk, DAY, MATTER, T0 } from './bench-cases.js';
import { projectionContext, seedCaseViews } from './seed-case-views.js';
import { openSeedingStand } from './seeding-stand.js';

const CASES = Number(process.env.BENCH_CASES ?? 30_000);
const RUNS = 20;
const supervisor: Actor = { id: 'u-sup', name: '监察', role: 'supervisor', centerId: 'center-1' };
const ms1 = (xs: readonly number[], p: number): number => Math.round(percentile(xs, p) * 10) / 10;

/** The queries, each returning how many documents it read. */
function queries(db: Db): Record<string, () => Promise<number>> {
  const views = db.collection<{ _id: string }>(READ_MODELS.caseViews);
  const now = new Date(T0 + 30 * DAY);
  const page = (filter: Document, sort: Document, limit: number): Promise<number> =>
    views
      .find(filter)
      .sort(sort)
      .limit(limit)
      .toArray()
      .then((d) => d.length);
  const worklist = (actor: Actor, query: Record<string, unknown>): Promise<number> => {
    // The first page's first keyset read (the received cases, for -receivedAt).
    const q = worklistQuery(actor, query);
    const [first] = worklistReads(q.sort, q.filter!, undefined);
    return page(first!.filter, first!.sort, 51);
  };
  return {
    dueCases100: () => new ReadStoreDueCases(db).dueAt(now.getTime(), 100).then((d) => d.length),
    overduePage51: () =>
      page(
        { $and: [{ centerId: 'center-1' }, deadlineRange('runningDeadlineAt', { before: now.getTime() })] },
        deadlineOrder('runningDeadlineAt'),
        51,
      ),
    worklistCenterNewest51: () => worklist(supervisor, {}),
    worklistDepartmentNewest51: () => worklist(clerk, {}),
    worklistDeadline51: () => worklist(supervisor, { sort: 'deadline' }),
    receiptNo: () => worklist(supervisor, { receiptNo: `SL-seed-${String(CASES >> 1).padStart(7, '0')}` }),
    byIdIn200: () =>
      views
        .find({
          _id: { $in: Array.from({ length: 200 }, (_, i) => `seed-${String(i * 97).padStart(7, '0')}`) },
        })
        .toArray()
        .then((d) => d.length),
  };
}

async function measure(db: Db): Promise<Record<string, { p50: number; p95: number; documents: number }>> {
  const out: Record<string, { p50: number; p95: number; documents: number }> = {};
  for (const [name, run] of Object.entries(queries(db))) {
    const ms: number[] = [];
    let documents = 0;
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      documents = await run();
      ms.push(performance.now() - t);
    }
    out[name] = { p50: ms1(ms, 50), p95: ms1(ms, 95), documents };
    console.log(`${name}: ${JSON.stringify(out[name])}`);
  }
  return out;
}

async function main(): Promise<void> {
  const stand = await openSeedingStand('read-store-queries-', 'queries');
  try {
    const { db, store, configuration } = stand;
    const t = performance.now();
    await seedCaseViews(db, configuration, await projectionContext(store), 0, CASES, {
      clerk,
      matter: MATTER,
      centerId: 'center-1',
      acceptedAt: (i) => T0 + Math.floor(((i / CASES) * 20 * DAY) / 60_000) * 60_000,
    });
    console.log(`seeded ${CASES} case views in ${Math.round(performance.now() - t)} ms`);
    const on = await measure(db);
    let off: Awaited<ReturnType<typeof measure>> | null = null;
    if (process.env.BENCH_OFF !== '0') {
      await stand.stopReadStore();
      // The same files, served by the same build with the pushdown off.
      const plain = await startLocalFerretDb({
        dataDir: join(stand.dir, 'ferretdb'),
        reuseRunning: false,
        environment: { GSC_FERRETDB_PREFILTER: 'off' },
      });
      const other = await MongoClient.connect(plain.uri);
      try {
        console.log('pushdown off:');
        off = await measure(other.db('queries'));
      } finally {
        await other.close();
        await plain.stop();
      }
    }
    console.log(JSON.stringify({ openCases: CASES, on, off }));
  } finally {
    await stand.close();
  }
}

await main();
