/**
 * `npm run bench:projector` (issue 6.7): realistic cases (realistic-cases.ts: 50,000 cases, about
 * 200,000 events, nearly all in case-* streams) recorded in an event store, then
 *  1. a full rebuild of every projection into a FerretDB (the local read store), timed, with the
 *     projector's resident memory sampled every 100 ms (peak, and at each quarter of the events,
 *     100 % being before the swap: it should stay flat, the events are streamed in batches, never
 *     loaded whole; `rssHalfToAll` is RSS at all ÷ at half of the events, the aim 0.9–1.1; beside
 *     RSS, V8's used and committed heap and the memory outside it (`external`) at each mark, which
 *     tell what the rebuild keeps from what the process has not yet given back);
 *  2. the raw limit in the same run: the rebuilt documents written again, as they are, into fresh
 *     collections of the same FerretDB with insertMany (what writing the result costs, no events);
 *  3. GET /views/overdue over HTTP on the 50,000 cases (the API with the views, the clock at the end
 *     of the simulated period): latencies of 200 requests as a supervisor, p50 and p95.
 * The last line printed is one JSON object: rebuildEventsPerSec, rawDocsPerSec, ratioVsRaw
 * (rebuildEventsPerSec / rawDocsPerSec), peakRssMb, overdueP95Ms, and the counts behind them.
 *
 * The event store: the PostgreSQL server of PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/postgres;
 * a database bench_projector_<hex>, dropped after), or embedded PGlite with BENCH_EVENT_STORE=pglite.
 * MONGODB_BENCH_URI: a MongoDB to use instead of a local FerretDB. BENCH_CASES: another number of
 * cases (default 50000). BENCH_OVERDUE=off: no step 3. Build first: `npm run build`, then
 * `node --expose-gc dist/bench/projector/run.js` (without the flag the marks are taken wherever GC is).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
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
import { rebuildProjections } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import { appendPlanned, SteppingClock } from './append-planned.js';
import { realisticCaseAppends } from './realistic-cases.js';
import { scratchPostgresDatabase } from '../support/scratch-postgres.js';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const REQUESTS = 200;
const SECRET = 'bench-projector-secret-至少三十二个字节-0123456789';

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;
const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function openEventStore(clock: SteppingClock): Promise<{ store: EventStore; close(): Promise<void> }> {
  if (process.env.BENCH_EVENT_STORE === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'bench-projector-events-'));
    const store = await createEventStore(`pglite://${dir}`, { clock: clock.now });
    return {
      store,
      close: async () => (await store.close(), await rm(dir, { recursive: true, force: true })),
    };
  }
  const database = await scratchPostgresDatabase('bench_projector');
  const store = await createEventStore(database.url, { clock: clock.now, maxConnections: 16 });
  return {
    store,
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

/**
 * Samples this process's resident memory; `at(label)` records the current value under a label, and
 * the V8 heap in use with it (what the JavaScript holds, apart from what the allocator kept).
 */
function memorySampler(): {
  peak(): number;
  at(label: string): void;
  marks: Record<string, number>;
  heapMarks: Record<string, number>;
  /** Memory outside V8's heap (Buffers, ArrayBuffers): what RSS holds that heapUsed does not show. */
  externalMarks: Record<string, number>;
  /** The heap V8 keeps committed (used or not): part of RSS after a collection. */
  heapTotalMarks: Record<string, number>;
  stop(): void;
} {
  let peak = process.memoryUsage().rss;
  const marks: Record<string, number> = {};
  const heapMarks: Record<string, number> = {};
  const externalMarks: Record<string, number> = {};
  const heapTotalMarks: Record<string, number> = {};
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  return {
    peak: () => Math.max(peak, process.memoryUsage().rss),
    at(label) {
      // With --expose-gc (as `npm run bench:projector` runs it) a mark is taken after a full
      // collection, so it measures what the rebuild keeps, not where V8's cycle happens to be.
      globalThis.gc?.();
      const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
      peak = Math.max(peak, rss);
      marks[label] = mb(rss);
      heapMarks[label] = mb(heapUsed);
      externalMarks[label] = mb(external);
      heapTotalMarks[label] = mb(heapTotal);
    },
    marks,
    heapMarks,
    externalMarks,
    heapTotalMarks,
    stop: () => clearInterval(timer),
  };
}

/** The raw limit: every rebuilt document written again as it is, in insertMany batches of 1000. */
async function rawLimit(read: ReadStore): Promise<{ docs: number; seconds: number }> {
  let docs = 0;
  const started = Date.now();
  for (const name of Object.values(READ_MODELS)) {
    const target = read.db.collection(`raw_${name}`);
    let batch: Record<string, unknown>[] = [];
    for await (const doc of read.db.collection(name).find({})) {
      batch.push(doc);
      if (batch.length === 1000) {
        await target.insertMany(batch, { ordered: false });
        docs += batch.length;
        batch = [];
      }
    }
    if (batch.length > 0) {
      await target.insertMany(batch, { ordered: false });
      docs += batch.length;
    }
  }
  return { docs, seconds: (Date.now() - started) / 1000 };
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
  times.sort((a, b) => a - b);
  const pick = (q: number): number =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { p50: pick(0.5), p95: pick(0.95), items: Math.round(items / REQUESTS), overdue };
}

async function main(): Promise<void> {
  const clock = new SteppingClock();
  const events = await openEventStore(clock);
  const server = await openReadServer();
  const read = await connectReadStore(server.uri, `bench_projector_${randomBytes(4).toString('hex')}`);
  try {
    let started = Date.now();
    const summary = await appendPlanned(
      events.store,
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

    const memory = memorySampler();
    memory.at('before');
    // 100%: the last batch applied, before the declared indexes are built and the collections swapped.
    const quarters = [0.25, 0.5, 0.75, 1];
    started = Date.now();
    // BENCH_PROFILE=1: where the rebuild spends its time, per projection (from the runner's debug lines).
    const profile = new Map<
      string,
      { batches: number; applyMs: number; sharedMs: number; writeMs: number }
    >();
    const logger = process.env.BENCH_PROFILE
      ? pino(
          { level: 'debug' },
          {
            write(line: string) {
              const entry = JSON.parse(line) as Record<string, number | string>;
              if (entry.msg !== 'batch applied') return void process.stderr.write(line);
              const p = profile.get(entry.projection as string) ?? {
                batches: 0,
                applyMs: 0,
                sharedMs: 0,
                writeMs: 0,
              };
              p.batches++;
              p.applyMs += entry.loadAndApplyMs as number;
              p.sharedMs += entry.sharedMs as number;
              p.writeMs += entry.writeMs as number;
              profile.set(entry.projection as string, p);
            },
          },
        )
      : pino({ level: 'warn' });
    const report = await rebuildProjections(events.store, read.db, {
      logger,
      ...(process.env.BENCH_CACHE_SIZE && { cacheSize: Number(process.env.BENCH_CACHE_SIZE) }),
      progress: {
        start: () => undefined,
        update: (done) => {
          while (quarters.length > 0 && done >= quarters[0]! * summary.events)
            memory.at(`${quarters.shift()! * 100}%`);
        },
        finish: () => undefined,
      },
    });
    const rebuildSeconds = (Date.now() - started) / 1000;
    memory.at('after');
    memory.stop();
    const rebuildEventsPerSec = Math.round(summary.events / rebuildSeconds);
    // The aim (issue 19): RSS between half and all of the events within ±10 %.
    const rssHalfToAll =
      memory.marks['50%'] && memory.marks['100%']
        ? Math.round((memory.marks['100%'] / memory.marks['50%']) * 1000) / 1000
        : null;
    log(
      `rebuild of ${report.projections.join(', ')}: ${summary.events.toLocaleString('en-US')} events in ${rebuildSeconds.toFixed(1)} s ` +
        `= ${rebuildEventsPerSec.toLocaleString('en-US')} events/s; RSS MB ${JSON.stringify(memory.marks)}, peak ${mb(memory.peak())} MB; ` +
        `RSS at all ÷ at half of the events ${rssHalfToAll}`,
    );

    for (const [projection, p] of profile) log(`  ${projection}: ${JSON.stringify(p)}`);

    const raw = await rawLimit(read);
    const rawDocsPerSec = Math.round(raw.docs / raw.seconds);
    log(
      `raw limit: ${raw.docs.toLocaleString('en-US')} final documents inserted in ${raw.seconds.toFixed(1)} s = ${rawDocsPerSec.toLocaleString('en-US')} docs/s`,
    );

    // BENCH_OVERDUE=off: the rebuild and raw limit only (the overdue pass takes minutes on a loaded machine).
    const overdue =
      process.env.BENCH_OVERDUE === 'off'
        ? undefined
        : await overdueLatencies(events.store, read, summary.lastRecordedAt);
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
        peakRssMb: mb(memory.peak()),
        overdueP95Ms: overdue?.p95 ?? null,
        events: summary.events,
        cases: CASES,
        documents: raw.docs,
        rebuildSeconds: Math.round(rebuildSeconds * 10) / 10,
        rssMbAt: memory.marks,
        rssHalfToAll,
        heapUsedMbAt: memory.heapMarks,
        externalMbAt: memory.externalMarks,
        heapTotalMbAt: memory.heapTotalMarks,
        overdueNow: overdue?.overdue ?? null,
        readStore: server.kind,
        eventStore: process.env.BENCH_EVENT_STORE === 'pglite' ? 'pglite' : 'postgresql',
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
