/**
 * `npm run bench:projector` (issue 6.7): realistic cases (realistic-cases.ts: 50,000 cases, about
 * 200,000 events, nearly all in case-* streams) recorded in an event store, then
 *  1. a full rebuild of every projection into a FerretDB (the local read store), timed, with the
 *     projector's resident memory sampled every 100 ms (peak, and at each quarter of the events,
 *     100 % being before the swap: it should stay flat, the events are streamed in batches, never
 *     loaded whole; `rssHalfToAll` is RSS at all ÷ at half of the events, the aim 0.9–1.1, each
 *     mark taken once full collections have settled (memory-sampler.ts;
 *     `rssHalfToAllAfterOneCollection`: the same after one collection, the measure until
 *     2026-12-03); beside RSS, V8's used and committed heap and the memory outside it
 *     (`external`) at each mark, which tell what the rebuild keeps from what the process has not
 *     yet given back). The rebuild runs
 *     in a process of its own (rebuild-process.ts, forked with --expose-gc), as production's
 *     `npm run rebuild` does: run here, right after generating and appending every event, its marks
 *     held the heap that seeding left committed, which V8 gave back during the rebuild, so RSS fell
 *     with the events (`rebuildProcess: "child"` in the JSON; `before` is the child's, stores open);
 *  2. the raw limit in the same run: the rebuilt documents written again, as they are, into fresh
 *     collections of the same FerretDB with insertMany (what writing the result costs, no events);
 *  3. GET /views/overdue over HTTP on the 50,000 cases (the API with the views, the clock at the end
 *     of the simulated period): latencies of 200 requests as a supervisor, p50 and p95.
 * The last line printed is one JSON object: rebuildEventsPerSec, rawDocsPerSec, ratioVsRaw
 * (rebuildEventsPerSec / rawDocsPerSec), peakRssMb (the rebuild process's), overdueP95Ms, and the
 * counts behind them (documentsPerReadModel: what each collection holds after the rebuild;
 * rebuildPhasesSeconds: applying the events, building the declared indexes, the last events and
 * swaps (an `inPlace` phase before 2026-12-05: back-dated entries replayed alone after the swaps);
 * liveReadMaxMsDuringRebuild: the longest read of the live store
 * meanwhile, live-read-probe.ts). A rebuild process that fails fails the bench with its error.
 *
 * The event store: the PostgreSQL server of PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/postgres;
 * a database bench_projector_<hex>, dropped after), or embedded PGlite with BENCH_EVENT_STORE=pglite.
 * MONGODB_BENCH_URI: a MongoDB to use instead of a local FerretDB. BENCH_CASES: another number of
 * cases (default 50000). BENCH_OVERDUE=off: no step 3. BENCH_PROFILE=1, BENCH_CACHE_SIZE: see
 * rebuild-process.ts. The rebuild process runs with `npm run rebuild`'s node flags (package.json
 * `config.rebuildNodeFlags`); BENCH_REBUILD_NODE_ARGS adds more after them (at 10,000 cases
 * `--max-semi-space-size=4` left the RSS marks as they were, 788 events/s; `--max-old-space-size=160`
 * ran out of heap: a batch's events and documents need more while it is applied). Build first: `npm run build`, then `node dist/bench/projector/run.js`.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { ManualClock } from '#infra/clock/clock.js';
import { loadConfig } from '#infra/config/app-config.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { connectReadStore, type ReadStore } from '#infra/read-store/read-store.js';
import { createApiApplication } from '../../apps/api/src/api-application.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../apps/api/src/runtime/open-runtime.js';
import { appendPlanned, SteppingClock } from './append-planned.js';
import { mb } from './memory-sampler.js';
import { rebuildInChildProcess } from './rebuild-in-child.js';
import { probeLiveReads } from './live-read-probe.js';
import { realisticCaseAppends } from './realistic-cases.js';
import { percentile } from '../support/percentile.js';
import { scratchPostgresDatabase } from '../support/scratch-postgres.js';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const REQUESTS = 200;
const SECRET = 'bench-projector-secret-至少三十二个字节-0123456789';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

/** The seeded event store; `lend` runs the rebuild process while this process does not hold it. */
interface BenchEventStore {
  /** What the rebuild process opens. */
  readonly url: string;
  store(): EventStore;
  lend<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function openEventStore(clock: SteppingClock): Promise<BenchEventStore> {
  if (process.env.BENCH_EVENT_STORE === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'bench-projector-events-'));
    const url = `pglite://${dir}`;
    let store = await createEventStore(url, { clock: clock.now });
    return {
      url,
      store: () => store,
      // PGlite's directory belongs to one process: closed here while the rebuild process has it.
      async lend(work) {
        await store.close();
        try {
          return await work();
        } finally {
          store = await createEventStore(url, { clock: clock.now });
        }
      },
      close: async () => (await store.close(), await rm(dir, { recursive: true, force: true })),
    };
  }
  const database = await scratchPostgresDatabase('bench_projector');
  const store = await createEventStore(database.url, { clock: clock.now, maxConnections: 16 });
  return {
    url: database.url,
    store: () => store,
    lend: (work) => work(),
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

async function openReadServer(): Promise<{ uri: string; kind: string; close(): Promise<void> }> {
  if (process.env.MONGODB_BENCH_URI)
    return { uri: process.env.MONGODB_BENCH_URI, kind: 'mongodb', close: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'bench-projector-ferretdb-'));
  const server = await startLocalFerretDb({ dataDir: dir, reuseRunning: false, startTimeoutMs: 30_000 });
  return {
    uri: server.uri,
    kind: 'ferretdb',
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The raw limit: every rebuilt document written again as it is, in insertMany batches of 1000. */
async function rawLimit(
  read: ReadStore,
): Promise<{ docs: number; seconds: number; perCollection: Record<string, number> }> {
  let docs = 0;
  const perCollection: Record<string, number> = {};
  const started = Date.now();
  for (const name of Object.values(READ_MODELS)) {
    const target = read.db.collection(`raw_${name}`);
    let batch: Record<string, unknown>[] = [];
    const write = async (): Promise<void> => {
      await target.insertMany(batch, { ordered: false });
      docs += batch.length;
      perCollection[name] = (perCollection[name] ?? 0) + batch.length;
      batch = [];
    };
    for await (const doc of read.db.collection(name).find({})) {
      batch.push(doc);
      if (batch.length === 1000) await write();
    }
    if (batch.length > 0) await write();
  }
  return { docs, seconds: (Date.now() - started) / 1000, perCollection };
}

async function overdueLatencies(
  store: EventStore,
  read: ReadStore,
  now: number,
): Promise<{ p50: number; p95: number; items: number; overdue: number }> {
  const clock = new ManualClock(now);
  const config = loadConfig({ CLOCK: 'manual', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'error' });
  const runtime = await openRuntime(config, { store, clock, logger: createApiLogger('error') });
  // The application `npm start` serves: the API with the views over the read store.
  const app = await createApiApplication({ ...runtime, readStoreDb: read.db });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const token = await signStaffToken(
    {
      sub: 'u-super-1',
      name: '督查刘洋',
      role: 'supervisor',
      centerId: 'center-1',
      departmentId: 'dept-office',
    },
    SECRET,
  );
  const get = async (path: string): Promise<{ items: unknown[]; nextCursor: string | null }> => {
    const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { items: unknown[]; nextCursor: string | null };
  };
  // The whole overdue list once (cursor pages), then the timed requests: default, sorted by
  // overdueBy, filtered by department and by level, as a supervisor's screen asks.
  let overdue = 0;
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = await get(`/views/overdue?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    overdue += page.items.length;
    cursor = page.nextCursor;
  }
  const paths = [
    '/views/overdue',
    '/views/overdue?sort=-overdueBy',
    '/views/overdue?departmentId=dept-07',
    '/views/overdue?level=red',
  ];
  for (const p of paths) await get(p); // warm-up
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    const page = await get(paths[i % paths.length]!);
    times.push(performance.now() - started);
    items += page.items.length;
  }
  await app.close();
  const pick = (p: number): number => Math.round(percentile(times, p) * 10) / 10;
  return { p50: pick(50), p95: pick(95), items: Math.round(items / REQUESTS), overdue };
}

async function main(): Promise<void> {
  const clock = new SteppingClock();
  const events = await openEventStore(clock);
  const server = await openReadServer();
  const read = await connectReadStore(server.uri, `bench_projector_${randomBytes(4).toString('hex')}`);
  try {
    const started = Date.now();
    const summary = await appendPlanned(
      events.store(),
      clock,
      realisticCaseAppends({ cases: CASES, seed: 2026 }),
      {
        concurrency: 16,
        onProgress: (n) => {
          if (n % 20_000 < 10) log(`  generated ${n.toLocaleString('en-US')} events…`);
        },
      },
    );
    log(
      `generated ${summary.events.toLocaleString('en-US')} events (${((summary.caseEvents / summary.events) * 100).toFixed(1)}% in case streams) ` +
        `of ${CASES.toLocaleString('en-US')} cases in ${summary.streams.toLocaleString('en-US')} streams, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    // In a process of its own, as production's `npm run rebuild`: what seeding left committed here
    // (V8's heap grown by generating and appending every event) is not in its memory marks.
    const liveReads = await probeLiveReads(read.db);
    const rebuild = await events.lend(() =>
      rebuildInChildProcess({
        eventStoreUrl: events.url,
        readUri: server.uri,
        readDatabase: read.db.databaseName,
        events: summary.events,
      }),
    );
    const liveRead = await liveReads.stop();
    const { marks, seconds: rebuildSeconds } = rebuild;
    const rebuildEventsPerSec = Math.round(summary.events / rebuildSeconds);
    // The aim (issue 19): RSS between half and all of the events within ±10 %.
    const halfToAll = (rss: Record<string, number>): number | null =>
      rss['50%'] && rss['100%'] ? Math.round((rss['100%'] / rss['50%']) * 1000) / 1000 : null;
    const rssHalfToAll = halfToAll(marks.rss);
    log(
      `rebuild of ${rebuild.projections.join(', ')}: ${summary.events.toLocaleString('en-US')} events in ${rebuildSeconds.toFixed(1)} s ` +
        `= ${rebuildEventsPerSec.toLocaleString('en-US')} events/s; RSS MB ${JSON.stringify(marks.rss)}, peak ${mb(rebuild.peakRss)} MB; ` +
        `RSS at all ÷ at half of the events ${rssHalfToAll} (after one collection: ` +
        `${JSON.stringify(marks.rssAfterOneCollection)}, ${halfToAll(marks.rssAfterOneCollection)})`,
    );

    const phases = Object.fromEntries(
      Object.entries(rebuild.phases).map(([phase, s]) => [phase, Math.round(s * 10) / 10] as const),
    );
    log(`  of which, in seconds: ${JSON.stringify(phases)}`);
    // The quarter marks pause the rebuild (full collections on its thread): counted in its time.
    const marksMsDuringRebuild = ['25%', '50%', '75%', '100%'].reduce(
      (sum, at) => sum + (marks.ms[at] ?? 0),
      0,
    );
    log(`  the memory marks paused it ${marksMsDuringRebuild} ms (${JSON.stringify(marks.ms)})`);
    log(`  a read of the live store meanwhile (every 50 ms): ${JSON.stringify(liveRead)}`);
    for (const [projection, p] of Object.entries(rebuild.profile))
      log(`  ${projection}: ${JSON.stringify(p)}`);

    const raw = await rawLimit(read);
    const rawDocsPerSec = Math.round(raw.docs / raw.seconds);
    log(
      `raw limit: ${raw.docs.toLocaleString('en-US')} final documents inserted in ${raw.seconds.toFixed(1)} s = ${rawDocsPerSec.toLocaleString('en-US')} docs/s`,
    );

    // BENCH_OVERDUE=off: the rebuild and raw limit only (the overdue pass takes minutes on a loaded machine).
    const overdue =
      process.env.BENCH_OVERDUE === 'off'
        ? undefined
        : await overdueLatencies(events.store(), read, summary.lastRecordedAt);
    if (overdue)
      log(
        `GET /views/overdue over ${CASES.toLocaleString('en-US')} cases (${overdue.overdue} overdue now, ${overdue.items} items a page): ` +
          `p50 ${overdue.p50} ms, p95 ${overdue.p95} ms over ${REQUESTS} requests`,
      );
    log(
      JSON.stringify({
        rebuildEventsPerSec,
        rawDocsPerSec,
        ratioVsRaw: Math.round((rebuildEventsPerSec / rawDocsPerSec) * 1000) / 1000,
        peakRssMb: mb(rebuild.peakRss),
        overdueP95Ms: overdue?.p95 ?? null,
        events: summary.events,
        cases: CASES,
        documents: raw.docs,
        documentsPerReadModel: raw.perCollection,
        rebuildSeconds: Math.round(rebuildSeconds * 10) / 10,
        rebuildPhasesSeconds: phases,
        liveReadMaxMsDuringRebuild: liveRead.maxMs,
        rssMbAt: marks.rss,
        rssHalfToAll,
        rssAfterOneCollectionMbAt: marks.rssAfterOneCollection,
        rssHalfToAllAfterOneCollection: halfToAll(marks.rssAfterOneCollection),
        collectionsAt: marks.collections,
        heapUsedMbAt: marks.heapUsed,
        externalMbAt: marks.external,
        heapTotalMbAt: marks.heapTotal,
        marksMsDuringRebuild,
        overdueNow: overdue?.overdue ?? null,
        readStore: server.kind,
        eventStore: process.env.BENCH_EVENT_STORE === 'pglite' ? 'pglite' : 'postgresql',
        rebuildProcess: 'child',
      }),
    );
  } finally {
    await read.db.dropDatabase().catch(() => undefined);
    await read.close();
    await server.close();
    await events.close();
  }
}

await main();
