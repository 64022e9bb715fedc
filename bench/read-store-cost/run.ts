/**
 * `npm run bench:read-store-cost` (issue 19): what the read models cost the read store, counted with
 * the driver's command monitoring, with 10,000 and 100,000 open cases in ONE center, and how long
 * the overdue page (50,000) and a supervision tick (100,000 and 1,000,000) take. Local FerretDB build
 * (MONGODB_BENCH_URI: that server instead). The machine may be shared: times are as measured.
 *
 * Real, through the projector: BENCH_REAL_CASES (10,000) accepted applications decided by the
 * domain, recorded in an embedded PGlite event store over ten days and projected by every
 * projection from nothing (its rate is `rebuildEventsPerSec`). At 10,000 and at 100,000 open cases,
 * 100 probe events (half complete a real case, half register a new one), each appended alone and
 * projected by the real projector before the next: the bytes of every command sent to the read
 * store and the documents written (`bytesPerEvent*`); after each 100, a line of the bytes per event
 * by command and collection (command-bytes.ts; BENCH_SHOW_COMMANDS=1 prints one command of each).
 *
 * SEEDED, not projected: the open cases beyond the real ones (to 50,000, 100,000 and
 * BENCH_TICK_LARGE = 1,000,000) are written straight into `case_views` (seed-case-views.ts): each
 * built by the domain and the case_views projection's own `apply` and codec, so in the exact shape
 * the projector writes, but without streams (projecting 3,000,000 events takes hours here). They
 * are accepted after the real cases, so the tick's 100 due cases (maxCasesPerTick) are real ones,
 * read from the event store and given their cards; the overdue page (sort deadline, 50, the
 * center's supervisor) is timed 100 times, and the `-overdueBy` page (first page and one 1,000 in,
 * by turns: overdueByP95Ms50k). Peak RSS over the whole run. Last line: one JSON object.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Document } from 'mongodb';
import { pino } from 'pino';
import { initialState } from '#domain/case/case-state.js';
import { ManualClock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { startProjector } from '../../apps/projector/src/start-projector.js';
import { CaseSupervisor } from '../../apps/projector/src/supervision/case-supervisor.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { SupervisionLoop } from '../../apps/projector/src/supervision/supervision-loop.js';
import { accept, clerk, DAY, MATTER, record, SPREAD, T0 } from './bench-cases.js';
import { CommandBytes } from './command-bytes.js';
import { overdueTimes } from './overdue-times.js';
import { probeEvents } from './probe-events.js';
import { projectionContext, seedCaseViews } from './seed-case-views.js';
import { watchSent } from './sent-bytes.js';

const REAL = Number(process.env.BENCH_REAL_CASES ?? 10_000);
const TICK_LARGE = Number(process.env.BENCH_TICK_LARGE ?? 1_000_000);
// For a quick run only: the JSON's field names keep the sizes.
const MID = Number(process.env.BENCH_MID ?? 50_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);
/** Runs of the old -overdueBy page (whole scope sorted): tens of seconds each at 50,000 open cases under load. */
const OLD_RUNS = Number(process.env.BENCH_OLD_BY_RUNS ?? 6);

async function main(): Promise<void> {
  const began = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'read-store-cost-'));
  const given = process.env.MONGODB_BENCH_URI;
  const server = given
    ? undefined
    : await startLocalFerretDb({ dataDir: join(dir, 'ferretdb'), reuseRunning: false });
  const client = await MongoClient.connect(given ?? server!.uri, {
    monitorCommands: true,
    ignoreUndefined: true,
  });
  const db = client.db(`read_store_cost_${Date.now().toString(36)}`);
  const byCommand = new CommandBytes();
  const sent = watchSent(client, byCommand);
  let peakRss = 0;
  const rss = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const clock = new ManualClock(T0);
  const store = await createEventStore(`pglite://${join(dir, 'events')}`, {
    clock: () => new Date(clock.now()),
  });
  const configuration = new ConfigurationCache(store, createApiLogger('silent'), 3_600_000);
  await configuration.start();
  let projector: ReturnType<typeof startProjector> | undefined = undefined;
  const lines: Document[] = [];
  const log = (line: Document): void => {
    console.log(JSON.stringify(line));
    lines.push(line);
  };
  try {
    // The real cases, then the projector from nothing: a rebuild's rate.
    let t = performance.now();
    for (let i = 0; i < REAL; i++) {
      clock.set(Math.max(clock.now(), T0 + Math.floor((i / REAL) * SPREAD)));
      const id = `c${String(i).padStart(7, '0')}`;
      await record(store, configuration, id, initialState, accept(id), clock.now());
    }
    const appendMs = performance.now() - t;
    t = performance.now();
    projector = startProjector(store, db, {
      idlePollMs: 10,
      leaseRetryMs: 100,
      logger: pino({ level: 'silent' }),
    });
    await projector.whenCaughtUp();
    const projectMs = performance.now() - t;
    const rebuildEventsPerSec = Math.round((REAL * 3) / (projectMs / 1000));
    log({
      realCases: REAL,
      appendMs: Math.round(appendMs),
      projectMs: Math.round(projectMs),
      rebuildEventsPerSec,
    });

    const probing = { store, configuration, clock, projector, sent, byCommand, realCases: REAL };
    // Every case overdue (the seeded ones are accepted up to 20 days after T0).
    const overdueNow = T0 + 2 * SPREAD + 10 * DAY;
    const probes10k = await probeEvents(probing, 0);
    const overdue10k = await overdueTimes(db, store, overdueNow, OLD_RUNS);
    log({
      openCases: REAL,
      ...probes10k,
      overdueP95Ms: overdue10k.p95,
      overdueQueryP95Ms: overdue10k.queryP95,
      overdueItems: overdue10k.items,
    });

    const context = await projectionContext(store);
    const seedOptions = {
      clerk,
      matter: MATTER,
      centerId: 'center-1',
      // To the minute: the cases of a minute share a template (seed-case-views.ts).
      acceptedAt: (i: number) => T0 + SPREAD + Math.floor(((i / TICK_LARGE) * SPREAD) / 60_000) * 60_000,
    };
    let seeded = 0;
    const seedTo = async (open: number): Promise<void> => {
      const started = performance.now();
      const target = open - REAL;
      await seedCaseViews(db, configuration, context, seeded, target, seedOptions);
      console.log(
        `seeded ${target - seeded} case views to ${open} open cases in ${Math.round(performance.now() - started)} ms`,
      );
      seeded = target;
    };
    await seedTo(MID);
    const overdue50k = await overdueTimes(db, store, overdueNow, OLD_RUNS);
    log({
      openCases: MID,
      overdueP95Ms: overdue50k.p95,
      overdueQueryP95Ms: overdue50k.queryP95,
      overdueByP95Ms: overdue50k.byP95,
      overdueByFirstP95Ms: overdue50k.byFirstP95,
      overdueByDeepP95Ms: overdue50k.byDeepP95,
      overdueByOldP95Ms: overdue50k.oldByP95,
      overdueItems: overdue50k.items,
    });

    await seedTo(LARGE);
    const probes100k = await probeEvents(probing, 1);
    // One supervision tick of 100 due cases (real ones: the earliest nextCheckAt).
    clock.set(T0 + SPREAD + 2 * DAY);
    const loop = new SupervisionLoop(
      { dueCases: new ReadStoreDueCases(db), supervisor: new CaseSupervisor(store, configuration), clock },
      { maxCasesPerTick: 100 },
    );
    const tick100k = await loop.tick();
    await projector.whenCaughtUp();
    log({ openCases: LARGE, ...probes100k, tick: tick100k });

    const summary = (tick1m: Awaited<ReturnType<SupervisionLoop['tick']>> | undefined): string =>
      JSON.stringify({
        bytesPerEventMedian10k: probes10k.median,
        bytesPerEventMedian100k: probes100k.median,
        bytesPerEventP99_100k: probes100k.p99,
        largestDocumentBytes: sent.largest,
        overdueP95Ms50k: overdue50k.p95,
        overdueQueryP95Ms50k: overdue50k.queryP95,
        overdueByP95Ms50k: overdue50k.byP95,
        overdueByFirstP95Ms50k: overdue50k.byFirstP95,
        overdueByDeepP95Ms50k: overdue50k.byDeepP95,
        overdueByOldP95Ms50k: overdue50k.oldByP95,
        // Old whole-scope sort over the keyset read, same data and run (above 1: the keyset read is faster).
        overdueByOldOverNew50k: Math.round((overdue50k.oldByP95 / overdue50k.byP95) * 100) / 100,
        tickMs100k: tick100k.durationMs,
        tickMs1m: tick1m?.durationMs ?? null,
        tickDue: [tick100k.due, tick1m?.due ?? null],
        rebuildEventsPerSec,
        peakRssMb: Math.round(peakRss / 1e5) / 10,
        realCases: REAL,
        seededCaseViews: seeded,
        readStore: given ? 'configured' : 'local-ferretdb',
        totalMs: Math.round(performance.now() - began),
      });
    if (TICK_LARGE > LARGE) {
      // The figures so far, in case the largest size does not finish on a slow machine.
      console.log(summary(undefined));
      await seedTo(TICK_LARGE);
      const tick1m = await loop.tick();
      log({ openCases: TICK_LARGE, tick: tick1m });
      console.log(summary(tick1m));
    } else console.log(summary(undefined));
  } finally {
    clearInterval(rss);
    await projector?.stop();
    await configuration.onApplicationShutdown();
    await client.close();
    await store.close();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
