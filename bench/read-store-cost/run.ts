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
import { BSON, MongoClient, type CommandStartedEvent, type Db, type Document } from 'mongodb';
import { pino } from 'pino';
import type { CaseCommand } from '#domain/case/case-commands.js';
import { initialState } from '#domain/case/case-state.js';
import { ManualClock } from '#infra/clock/clock.js';
import { caseStateOf } from '#infra/case-stream/case-stream.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { OpenCaseViews } from '../../apps/api/src/views/overdue/open-case-views.js';
import { overdueByRead } from '../../apps/api/src/views/overdue/overdue-by-read.js';
import { overduePage, type SortKey } from '../../apps/api/src/views/overdue/overdue-cases.js';
import { ReadModelPositions } from '../../apps/api/src/views/read-model-positions.js';
import { startProjector } from '../../apps/projector/src/start-projector.js';
import { CaseSupervisor } from '../../apps/projector/src/supervision/case-supervisor.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { SupervisionLoop } from '../../apps/projector/src/supervision/supervision-loop.js';
import { accept, clerk, DAY, MATTER, percentile, record, SPREAD, T0 } from './bench-cases.js';
import { CommandBytes } from './command-bytes.js';
import { projectionContext, seedCaseViews } from './seed-case-views.js';

const REAL = Number(process.env.BENCH_REAL_CASES ?? 10_000);
const TICK_LARGE = Number(process.env.BENCH_TICK_LARGE ?? 1_000_000);
// For a quick run only: the JSON's field names keep the sizes.
const MID = Number(process.env.BENCH_MID ?? 50_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000);
const PROBES = 100;
/** Runs of the old -overdueBy page (whole scope sorted): tens of seconds each at 50,000 open cases under load. */
const OLD_RUNS = Number(process.env.BENCH_OLD_BY_RUNS ?? 6);
const WRITES = new Set(['insert', 'update', 'delete', 'findAndModify']);

/** The overdue page as GET /views/overdue runs it (supervisor of center-1, sort deadline, 50), 100 times. */
async function overdueTimes(
  db: Db,
  store: EventStore,
  now: number,
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
  for (let q = 0; q < OLD_RUNS; q++) {
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
  const cases = db.collection(READ_MODELS.caseViews);
  for (let q = 0; q < 100; q++) {
    const t = performance.now();
    await cases
      .find({ $and: [{ centerId: 'center-1' }, { open: true }, { deadlineAt: { $lt: new Date(now) } }] })
      .sort({ deadlineAt: 1, _id: 1 })
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
  const sent = { bytes: 0, documents: 0, largest: 0 };
  const byCommand = new CommandBytes();
  client.on('commandStarted', (e: CommandStartedEvent) => {
    byCommand.record(e);
    sent.bytes += BSON.calculateObjectSize(e.command);
    if (!WRITES.has(e.commandName)) return;
    const docs = (e.command.documents ?? e.command.updates?.map((u: Document) => u.u) ?? []) as Document[];
    sent.documents += e.commandName === 'delete' ? (e.command.deletes?.length ?? 0) : docs.length || 1;
    for (const d of docs) sent.largest = Math.max(sent.largest, BSON.calculateObjectSize(d));
  });
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

    /** 100 probe events, each projected alone: the bytes and documents each costs. */
    const probe = async (round: number): Promise<{ median: number; p99: number; docs: number }> => {
      const bytes: number[] = [];
      const docs: number[] = [];
      byCommand.clear();
      for (let p = 0; p < PROBES; p++) {
        clock.set(clock.now() + 1000);
        const before = { ...sent };
        byCommand.active = true;
        if (p % 2 === 0) {
          const id = `c${String(REAL - (round + 1) * PROBES * 2 + p * 2).padStart(7, '0')}`;
          const state = caseStateOf(await store.readStream(`case-${id}`));
          const complete: CaseCommand = {
            type: 'CompleteCase',
            actor: clerk,
            outcome: 'approved',
            decisionNo: `JD-${id}`,
          };
          await record(store, configuration, id, state, [complete], clock.now());
        } else {
          const id = `probe-${round}-${p}`;
          await record(store, configuration, id, initialState, [accept(id)[0]!], clock.now());
        }
        await projector!.whenCaughtUp();
        byCommand.active = false;
        bytes.push(sent.bytes - before.bytes);
        docs.push(sent.documents - before.documents);
      }
      // Where the bytes go: per event, by command and collection ([bytes, commands]).
      console.log(JSON.stringify({ round, bytesPerEventByCommand: byCommand.perEvent(PROBES) }));
      return { median: percentile(bytes, 50), p99: percentile(bytes, 99), docs: percentile(docs, 50) };
    };
    // Every case overdue (the seeded ones are accepted up to 20 days after T0).
    const overdueNow = T0 + 2 * SPREAD + 10 * DAY;
    const probes10k = await probe(0);
    const overdue10k = await overdueTimes(db, store, overdueNow);
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
    const overdue50k = await overdueTimes(db, store, overdueNow);
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
    const probes100k = await probe(1);
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
