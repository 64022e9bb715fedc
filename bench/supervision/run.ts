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
import { newEventOf } from '#infra/command-handling/handle-command.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type CommandSucceededEvent, type Db, type Document } from 'mongodb';
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import { acceptanceCommands, decideInTurn } from '#domain/testing/case-history.js';
import { promisedMatter as MATTER, windowClerk as clerk } from '#domain/testing/fixtures.js';
import { ManualClock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { formatPosition } from '#infra/event-store/position.js';
import { START, type EventStore, type NewEvent, type Position } from '#infra/event-store/event-store.port.js';
import { ensureIndexes } from '#infra/read-store/ensure-index.js';
import { CASE_VIEW_INDEXES, type CaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import { writeGuarded, type GuardedWrite, type VersionedDocument } from '#infra/read-store/guarded-writes.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import type { Built } from '../../apps/projector/src/projection/projection.js';
import { caseViewsProjection } from '../../apps/projector/src/projections/case-views/case-views.projection.js';
import { CaseSupervisor } from '../../apps/projector/src/supervision/case-supervisor.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import type { DueCase, DueCases } from '../../apps/projector/src/supervision/due-cases.port.js';
import { SupervisionLoop } from '../../apps/projector/src/supervision/supervision-loop.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';

const DUE = 100;
const SMALL = Number(process.env.BENCH_SMALL ?? 100_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const ACCEPTED_AT = '2026-03-02T09:00:00+08:00'; // due 03-09 17:30
const TICK_AT = parseInstant('2026-03-10T10:00:00+08:00'); // overdue: a yellow card each
const DAY = 86_400_000;
const DAY_END = parseInstant('2026-03-10T17:30:00+08:00');

/** A store that counts what the tick reads from it. */
function countingStore(inner: EventStore): {
  store: EventStore;
  counts: { streamsRead: number; eventsRead: number };
} {
  const counts = { streamsRead: 0, eventsRead: 0 };
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      if (name === 'readStream')
        return async (...args: Parameters<EventStore['readStream']>) => {
          const events = await target.readStream(...args);
          counts.streamsRead++;
          counts.eventsRead += events.length;
          return events;
        };
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, counts };
}

/** The events and state of a case accepted at ACCEPTED_AT, decided by the domain (as the API would). */
function acceptedCase(
  configuration: ConfigurationCache,
  caseId: string,
): { decided: CaseEvent[]; state: CaseState } {
  const now = parseInstant(ACCEPTED_AT);
  const context = {
    now,
    clock: configuration.officeClock('center-1'),
    policy: configuration.policy(),
    matter: MATTER,
  };
  const { events: decided, state } = decideInTurn(
    acceptanceCommands(caseId, '张三', clerk),
    initialState,
    context,
  );
  return { decided, state };
}

/** Writes an accepted case's stream. */
async function seedCase(store: EventStore, configuration: ConfigurationCache, caseId: string): Promise<void> {
  const { decided } = acceptedCase(configuration, caseId);
  const toAppend: NewEvent[] = decided.map((e, i) =>
    newEventOf(
      e,
      { eventId: crypto.randomUUID(), causationId: i === 0 ? null : `bench-${caseId}` },
      `bench-${caseId}`,
    ),
  );
  await store.append(`case-${caseId}`, toAppend, 'no_stream');
}

/**
 * The case_views projection's own `apply` over the due cases' events, and minimal case views for
 * the open cases that are not due (what the due-case query reads: `nextCheckAt`, `open`), written
 * through the collection's codec with the runner's guarded writes.
 */
class CaseViewBuilder {
  private readonly docs = new Map<
    string,
    { doc: Built<CaseViewDocument>; position: Position; stored?: Position }
  >();
  private readonly dirty = new Set<string>();
  private context = caseViewsProjection.initialContext;
  private from: Position = START;
  private openCases = 0;

  /** The projection's own `apply` over the case events recorded since the last call. */
  async project(store: EventStore): Promise<number> {
    let applied = 0;
    for (;;) {
      const page = await store.readAll(this.from, { batchSize: 5000 });
      for (const event of page.events) {
        this.context = caseViewsProjection.reduceContext(this.context, event);
        const id = caseViewsProjection.unitOf(event);
        if (id === undefined) continue;
        const slot = this.docs.get(id);
        const step = caseViewsProjection.apply(slot?.doc, caseViewsProjection.decode(event), this.context);
        this.docs.set(id, { doc: step.unit, position: event.position, stored: slot?.stored });
        this.dirty.add(id);
        applied++;
      }
      this.from = page.nextPosition;
      if (page.caughtUp) return applied;
    }
  }

  /** Writes the projected documents changed since the last flush; returns how many. */
  async flush(db: Db): Promise<number> {
    const codec = caseViewsProjection.unitCodec!;
    const ids = [...this.dirty];
    const writes = ids.map((id) => {
      const slot = this.docs.get(id)!;
      const write: GuardedWrite = {
        document: { ...codec.encode(slot.doc), _position: slot.position },
        builtFrom: slot.stored,
      };
      return write;
    });
    await writeGuarded(db.collection<VersionedDocument>(READ_MODELS.caseViews), writes, { concurrency: 4 });
    for (const id of ids) this.docs.get(id)!.stored = this.docs.get(id)!.position;
    this.dirty.clear();
    return ids.length;
  }

  /**
   * Open cases without events (none is due in the tick): each one's nextCheckAt at the end of an
   * office day (17:30, where the assessment puts warnings and deadlines) in the next 60 days.
   */
  async addOpenCases(db: Db, from: number, to: number): Promise<void> {
    const views = db.collection<VersionedDocument>(READ_MODELS.caseViews);
    for (let start = from; start < to; start += 5000) {
      const batch: VersionedDocument[] = [];
      for (let i = start; i < Math.min(to, start + 5000); i++)
        batch.push({
          _id: `open-${i}`,
          _position: formatPosition(0n, BigInt(i + 1)),
          caseId: `open-${i}`,
          open: true,
          status: 'accepted',
          centerId: 'center-1',
          nextCheckAt: new Date(DAY_END + (1 + (i % 60)) * DAY),
        });
      await views.insertMany(batch, { ordered: false });
    }
    this.openCases += to - from;
  }

  get documents(): number {
    return this.docs.size + this.openCases;
  }
}

/** What the read store answered to find/getMore, while counting. */
function countReads(client: MongoClient): {
  counts: { commands: number; documents: number; bytes: number; byCollection: Record<string, number> };
  on: boolean;
  reset(): void;
} {
  const state = {
    counts: { commands: 0, documents: 0, bytes: 0, byCollection: {} as Record<string, number> },
    on: false,
    reset() {
      state.counts = { commands: 0, documents: 0, bytes: 0, byCollection: {} };
    },
  };
  client.on('commandSucceeded', (e: CommandSucceededEvent) => {
    if (!state.on || (e.commandName !== 'find' && e.commandName !== 'getMore')) return;
    const cursor = (e.reply as { cursor?: { ns?: string; firstBatch?: Document[]; nextBatch?: Document[] } })
      .cursor;
    const docs = cursor?.firstBatch ?? cursor?.nextBatch ?? [];
    const collection = (cursor?.ns ?? '').split('.').slice(1).join('.');
    state.counts.commands++;
    state.counts.documents += docs.length;
    state.counts.bytes += docs.reduce((n, d) => n + JSON.stringify(d).length, 0);
    state.counts.byCollection[collection] = (state.counts.byCollection[collection] ?? 0) + docs.length;
  });
  return state;
}

/** The due-case query, timed: what the read store costs, apart from the supervision work. */
class TimedDueCases implements DueCases {
  ms = 0;
  constructor(private readonly inner: DueCases) {}
  async dueAt(now: number, limit: number, after?: DueCase): Promise<readonly DueCase[]> {
    const started = performance.now();
    try {
      return await this.inner.dueAt(now, limit, after);
    } finally {
      this.ms += performance.now() - started;
    }
  }
}

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
