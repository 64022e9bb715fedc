/**
 * `npm run build && node dist/bench/read-store-cost/worklist-whole.js` (issue 19): the time to read
 * a whole center's worklist at 500 a page on the local FerretDB build, over BENCH_CASES (30,000)
 * case views of ONE center SEEDED in the projector's exact shape (seed-case-views.ts), all of them
 * received, plus BENCH_NOT_RECEIVED (0) inquiries without an application, not yet received, which
 * the default order lists last (the read `receivedAt: null` by case id; `notReceivedMs`: its pages).
 * FERRETDB_BIN picks the build to measure (as everywhere: start-local-ferretdb.ts); with
 * GSC_FERRETDB_TRACE=1, BENCH_FERRETDB_LOG names where to keep FerretDB's log (each read's plan).
 * Three ways, each read once: the default order (-receivedAt) as the API reads it now (worklistReads,
 * the fields a summary shows and the level's part of the state), the same order as it was read
 * before (one keyset `$or` with a `receivedAt: null` branch, whole documents), and by deadline.
 * Last line: one JSON object (milliseconds, documents read).
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db, Document } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import {
  LEVEL_STATE_PROJECTION,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { CASE_SUMMARY_FIELDS } from '../../apps/api/src/views/case-view/case-view-at.js';
import {
  worklistQuery,
  worklistReads,
  type Key,
  type WorklistSort,
} from '../../apps/api/src/views/worklist/worklist-query.js';
import { clerk, DAY, MATTER, T0 } from './bench-cases.js';
import { projectionContext, seedCaseViews } from './seed-case-views.js';
import { openSeedingStand } from './seeding-stand.js';

const CASES = Number(process.env.BENCH_CASES ?? 30_000);
const NOT_RECEIVED = Number(process.env.BENCH_NOT_RECEIVED ?? 0);
const PAGE = 500;
const supervisor: Actor = { id: 'u-sup', name: '监察', role: 'supervisor', centerId: 'center-1' };
const PROJECTION = {
  ...Object.fromEntries(CASE_SUMMARY_FIELDS.map((field) => [field, 1] as const)),
  ...LEVEL_STATE_PROJECTION,
};
type Row = { _id: string; receivedAt: Date | null; deadlineAt: Date | null };

/** The key after a row, as the cursor carries it. */
const keyOf = (sort: WorklistSort, row: Row): Key => {
  const at = sort === 'deadline' ? row.deadlineAt : row.receivedAt;
  return [at === null ? '' : String(at.getTime()), row._id];
};

/** Milliseconds per page of the last whole read (the last page reads the part not yet received to its end). */
let pageMs: number[] = [];
/** Milliseconds of the pages of the last whole read that read cases not yet received. */
let notReceivedMs = 0;

/** Every page of the worklist as the API reads it now; the number of cases. */
async function whole(db: Db, sort: WorklistSort): Promise<number> {
  pageMs = [];
  notReceivedMs = 0;
  const views = db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews);
  const { filter } = worklistQuery(supervisor, { sort });
  let after: Key | undefined;
  let n = 0;
  do {
    const started = performance.now();
    const page: Row[] = [];
    for (const read of worklistReads(sort, filter!, after)) {
      if (page.length > PAGE) break;
      const rows = await views
        .find<Row>(read.filter, { projection: PROJECTION })
        .sort(read.sort)
        .limit(PAGE + 1 - page.length)
        .toArray();
      page.push(...rows);
    }
    n += Math.min(page.length, PAGE);
    const ms = Math.round(performance.now() - started);
    if (sort === '-receivedAt' && page.some((row) => row.receivedAt === null)) notReceivedMs += ms;
    after = page.length > PAGE ? keyOf(sort, page[PAGE - 1]!) : undefined;
    pageMs.push(ms);
  } while (after);
  return n;
}

const pages = (): { medianPageMs: number; lastPageMs: number; notReceivedMs: number } => ({
  notReceivedMs,
  medianPageMs: [...pageMs].sort((a, b) => a - b)[pageMs.length >> 1]!,
  lastPageMs: pageMs[pageMs.length - 1]!,
});

/** The default order as read before: one `$or` keyset filter, whole documents. */
async function wholeBefore(db: Db): Promise<number> {
  const views = db.collection<Row>(READ_MODELS.caseViews);
  const scope: Document = { centerId: 'center-1' };
  let after: Key | undefined;
  let n = 0;
  do {
    const keyset: Document[] = [];
    if (after?.[0] === '') keyset.push({ receivedAt: null, _id: { $lt: after[1] } });
    else if (after) {
      const at = new Date(Number(after[0]));
      keyset.push({
        $or: [{ receivedAt: { $lt: at } }, { receivedAt: at, _id: { $lt: after[1] } }, { receivedAt: null }],
      });
    }
    const rows = await views
      .find({ $and: [scope, {}, ...keyset] })
      .sort({ receivedAt: -1, _id: -1 })
      .limit(PAGE + 1)
      .toArray();
    n += Math.min(rows.length, PAGE);
    after = rows.length > PAGE ? keyOf('-receivedAt', rows[PAGE - 1]!) : undefined;
  } while (after);
  return n;
}

async function timed(label: string, run: () => Promise<number>): Promise<{ ms: number; cases: number }> {
  const t = performance.now();
  const cases = await run();
  const ms = Math.round(performance.now() - t);
  console.log(`${label}: ${cases} cases in ${ms} ms`);
  return { ms, cases };
}

async function main(): Promise<void> {
  const stand = await openSeedingStand('worklist-whole-', 'worklist');
  try {
    const { db, store, configuration } = stand;
    await seedCaseViews(db, configuration, await projectionContext(store), 0, CASES, {
      clerk,
      matter: MATTER,
      centerId: 'center-1',
      acceptedAt: (i) => T0 + Math.floor(((i / CASES) * 20 * DAY) / 60_000) * 60_000,
    });
    await seedCaseViews(db, configuration, await projectionContext(store), CASES, CASES + NOT_RECEIVED, {
      clerk,
      matter: MATTER,
      centerId: 'center-1',
      acceptedAt: (i) => T0 + Math.floor((((i - CASES) / NOT_RECEIVED) * 20 * DAY) / 60_000) * 60_000,
      inquiriesOnly: true,
    });
    const now = {
      ...(await timed('default order, as read now', () => whole(db, '-receivedAt'))),
      ...pages(),
    };
    const deadline = { ...(await timed('by deadline', () => whole(db, 'deadline'))), ...pages() };
    const before =
      process.env.BENCH_BEFORE === '0'
        ? null
        : await timed('default order, as read before', () => wholeBefore(db));
    console.log(
      JSON.stringify({ cases: CASES, notReceived: NOT_RECEIVED, page: PAGE, now, deadline, before }),
    );
  } finally {
    await stand.stopReadStore();
    if (process.env.BENCH_FERRETDB_LOG)
      await copyFile(join(stand.dir, 'ferretdb', 'ferretdb.log'), process.env.BENCH_FERRETDB_LOG);
    await stand.close();
  }
}

await main();
