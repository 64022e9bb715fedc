/**
 * `npm run bench:supervision` (issue 7.7): one supervision tick with 100,000 open cases of which 100
 * are due, then with 1,000,000 open cases and again 100 due. The tick finds its due cases by a range
 * over `case_views.nextCheckAt` (read-store-due-cases.ts, issue 19): the open cases are minimal case
 * views with a `nextCheckAt` in the next 60 days (what the query reads). The 100 due cases are real streams in an
 * embedded PGlite event store, accepted a week before and now overdue, so each tick reads 100
 * streams and appends a yellow card to each.
 *
 * Prints the setup times, each tick's time, the documents the tick read from the read store (counted
 * from the driver's command events, by collection) and from the event store, and as its last line
 * one JSON object: { tickMs100k, tickMs1m, ratio, ... }. MONGODB_BENCH_URI: use that MongoDB
 * instead of a local FerretDB. BENCH_SMALL / BENCH_LARGE change the two sizes (for a quick run).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Document } from 'mongodb';
import { parseInstant } from '#domain/calendar/index.js';
import { ManualClock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { ensureIndexes } from '#infra/read-store/ensure-index.js';
import { CASE_VIEW_INDEXES } from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { CaseSupervisor } from '../../apps/projector/src/supervision/case-supervisor.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { SupervisionLoop } from '../../apps/projector/src/supervision/supervision-loop.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { ACCEPTED_AT, seedCase } from './bench-cases.js';
import { CaseViewBuilder } from './case-view-builder.js';
import { countReads } from './count-reads.js';
import { countingStore } from './counting-store.js';
import { TimedDueCases } from './timed-due-cases.js';

const DUE = 100;
const SMALL = Number(process.env.BENCH_SMALL ?? 100_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const TICK_AT = parseInstant('2026-03-10T10:00:00+08:00'); // overdue: a yellow card each

/** MONGODB_BENCH_URI, or a local FerretDB (the read store's own launcher) in a temporary folder. */
async function startReadStore(dir: string): Promise<{ uri: string; kind: string; stop(): Promise<void> }> {
  const given = process.env.MONGODB_BENCH_URI;
  if (given) return { uri: given, kind: 'mongodb', stop: async () => undefined };
  const server = await startLocalFerretDb({ dataDir: join(dir, 'ferretdb'), reuseRunning: false });
  return { uri: server.uri, kind: 'ferretdb', stop: () => server.stop() };
}

async function main(): Promise<void> {
  const began = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'supervision-bench-'));
  const readStore = await startReadStore(dir);
  const client = await MongoClient.connect(readStore.uri, { monitorCommands: true });
  const reads = countReads(client);
  const db = client.db(`supervision_bench_${Date.now().toString(36)}`);
  const clock = new ManualClock(parseInstant(ACCEPTED_AT));
  const inner = await createEventStore(`pglite://${join(dir, 'events')}`, {
    clock: () => new Date(clock.now()),
  });
  const counting = countingStore(inner);
  const configuration = new ConfigurationCache(inner, createApiLogger('silent'), 3_600_000);
  try {
    await configuration.start();
    const builder = new CaseViewBuilder();
    await ensureIndexes(db.collection(READ_MODELS.caseViews), CASE_VIEW_INDEXES);
    const dueCases = new TimedDueCases(new ReadStoreDueCases(db));
    const loop = new SupervisionLoop(
      {
        dueCases,
        supervisor: new CaseSupervisor(counting.store, configuration),
        clock,
      },
      { maxCasesPerTick: 10_000 },
    );
    const measure = async (
      label: string,
      total: number,
    ): Promise<{ ms: number; queryMs: number; line: Document }> => {
      counting.counts.streamsRead = 0;
      counting.counts.eventsRead = 0;
      dueCases.ms = 0;
      clock.set(Math.max(clock.now(), TICK_AT));
      reads.reset();
      reads.on = true;
      const report = await loop.tick();
      reads.on = false;
      const line = {
        openCases: total,
        due: report.due,
        tickMs: report.durationMs,
        dueQueryMs: Math.round(dueCases.ms),
        supervisionWorkMs: Math.round(report.durationMs - dueCases.ms),
        appended: report.appended,
        readStoreFinds: reads.counts.commands,
        readStoreDocumentsRead: reads.counts.documents,
        readStoreBytesRead: reads.counts.bytes,
        readStoreDocumentsByCollection: reads.counts.byCollection,
        streamsRead: counting.counts.streamsRead,
        eventsRead: counting.counts.eventsRead,
      };
      console.log(`${label}: ${JSON.stringify(line)}`);
      if (report.due !== DUE || report.appended !== DUE)
        throw new Error(`expected ${DUE} due cases with a card each, got ${JSON.stringify(report)}`);
      return { ms: report.durationMs, queryMs: dueCases.ms, line };
    };
    // 100,000 open cases, 100 of them due: the due ones projected from their own events.
    let t = performance.now();
    const firstDue = Array.from({ length: DUE }, (_, i) => `due-a-${i}`);
    for (const id of firstDue) await seedCase(inner, configuration, id);
    await builder.project(inner);
    await builder.addOpenCases(db, 0, SMALL - DUE);
    let written = await builder.flush(db);
    const setup100k = performance.now() - t;
    console.log(
      `setup ${SMALL} open cases: ${Math.round(setup100k)} ms (${readStore.kind}); ${written} projected case views written`,
    );
    const small = await measure(`tick, ${SMALL} open cases`, SMALL);

    // As the projector would: the first hundred have their cards (projected from the appended
    // events) and move to the bucket of their next check; 900,000 more open cases, 100 more due.
    t = performance.now();
    const secondDue = Array.from({ length: DUE }, (_, i) => `due-b-${i}`);
    for (const id of secondDue) await seedCase(inner, configuration, id);
    const projected = await builder.project(inner);
    await builder.addOpenCases(db, SMALL - DUE, LARGE - 2 * DUE);
    written = await builder.flush(db);
    const setup1m = performance.now() - t;
    console.log(
      `setup ${LARGE} open cases: ${Math.round(setup1m)} ms (${projected} events projected, ${written} projected case views written)`,
    );
    const large = await measure(`tick, ${LARGE} open cases`, LARGE);

    console.log(
      JSON.stringify({
        tickMs100k: small.ms,
        tickMs1m: large.ms,
        ratio: Math.round((large.ms / small.ms) * 100) / 100,
        dueQueryMs100k: Math.round(small.queryMs),
        dueQueryMs1m: Math.round(large.queryMs),
        dueQueryRatio: Math.round((large.queryMs / small.queryMs) * 100) / 100,
        supervisionWorkRatio:
          Math.round(((large.ms - large.queryMs) / (small.ms - small.queryMs)) * 100) / 100,
        documentsRead100k: small.line.readStoreDocumentsRead as number,
        documentsRead1m: large.line.readStoreDocumentsRead as number,
        caseViews: builder.documents,
        readStore: readStore.kind,
        due: DUE,
        setupMs: Math.round(setup100k + setup1m),
        totalMs: Math.round(performance.now() - began),
      }),
    );
  } finally {
    await configuration.onApplicationShutdown();
    await client.close();
    await inner.close();
    await readStore.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
