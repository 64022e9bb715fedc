/**
 * `npm run bench:supervision` (issue 7.7): one supervision tick with 100,000 open cases of which 100
 * are due, then with 1,000,000 open cases and again 100 due. The case views are inserted straight
 * into the read store's `case_views` (batched insertMany, shaped like the projector's); the 100 due
 * cases are real streams in an embedded PGlite event store, accepted a week before and now overdue,
 * so each tick reads 100 streams and appends a yellow card to each.
 *
 * Prints the setup times, each tick's time, the documents the tick read (case views returned by the
 * due-case query; events read from the store) and what the read store says it examined (explain),
 * and as its last line one JSON object: { tickMs100k, tickMs1m, ratio, ... }.
 * MONGODB_BENCH_URI: use that MongoDB instead of a local FerretDB. BENCH_SMALL / BENCH_LARGE change
 * the two sizes (for a quick run); BENCH_FULL_VIEWS=1 stores whole case views (see `view`). On FerretDB 1.x the whole run takes about 8 minutes on 2 cores,
 * most of it inserting the million views and the read store scanning them (see the README).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db, type Document } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import { decide } from '#domain/case/decide.js';
import { evolve } from '#domain/case/evolve.js';
import type { Matter } from '#domain/catalog/matter.js';
import { ManualClock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore, NewEvent } from '#infra/event-store/event-store.port.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { caseViewOf } from '../../apps/projector/src/projections/case-views/case-view-of.js';
import { CaseSupervisor } from '../../apps/projector/src/supervision/case-supervisor.js';
import {
  CASE_VIEWS_COLLECTION,
  ReadStoreDueCases,
  type CaseViewDueFields,
} from '../../apps/projector/src/supervision/read-store-due-cases.js';
import type { DueCase, DueCases } from '../../apps/projector/src/supervision/due-cases.port.js';
import { SupervisionLoop } from '../../apps/projector/src/supervision/supervision-loop.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';

const DUE = 100;
const SMALL = Number(process.env.BENCH_SMALL ?? 100_000);
const LARGE = Number(process.env.BENCH_LARGE ?? 1_000_000);
const BATCH = 10_000;
const ACCEPTED_AT = '2026-03-02T09:00:00+08:00'; // due 03-09 17:30
const TICK_AT = parseInstant('2026-03-10T10:00:00+08:00'); // overdue: a yellow card each
const DAY = 86_400_000;

const clerk: Actor = {
  id: 'u-window',
  name: '窗口王芳',
  role: 'window',
  centerId: 'center-1',
  departmentId: 'dept-market',
  windowId: 'win-3',
};
const MATTER: Matter = {
  code: 'M-001',
  name: '食品经营许可',
  departmentId: 'dept-market',
  kind: 'promised',
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  maxExtensionDays: 10,
  immediateLimitMinutes: 30,
  joint: false,
  requiredMaterials: [{ code: 'id', name: '身份证' }],
};

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
  const commands: CaseCommand[] = [
    {
      type: 'RegisterInquiry',
      actor: clerk,
      caseId,
      centerId: 'center-1',
      channel: 'window',
      applicant: { kind: 'person', name: '张三' },
      question: '如何办理食品经营许可？',
    },
    { type: 'SubmitApplication', actor: clerk, matterCode: MATTER.code, materials: [{ code: 'id' }] },
    { type: 'AcceptApplication', actor: clerk, receiptNo: `SL-${caseId}` },
  ];
  let state = initialState;
  const decided: CaseEvent[] = [];
  for (const command of commands) {
    const events = decide(command, state, context);
    if (!Array.isArray(events)) throw new Error(JSON.stringify(events));
    for (const e of events as readonly CaseEvent[]) {
      state = evolve(state, e);
      decided.push(e);
    }
  }
  return { decided, state };
}

/** Writes an accepted case's stream. */
async function seedCase(store: EventStore, configuration: ConfigurationCache, caseId: string): Promise<void> {
  const { decided } = acceptedCase(configuration, caseId);
  const toAppend: NewEvent[] = decided.map((e, i) => ({
    eventId: crypto.randomUUID(),
    type: e.type,
    schemaVersion: e.schemaVersion,
    occurredAt: e.occurredAt,
    actor: {
      id: clerk.id,
      name: clerk.name,
      role: clerk.role,
      departmentId: 'dept-market',
      windowId: 'win-3',
    },
    correlationId: `bench-${caseId}`,
    causationId: i === 0 ? null : `bench-${caseId}`,
    data: e.data,
  }));
  await store.append(`case-${caseId}`, toAppend, 'no_stream');
}

/** A case view exactly as the case_views projection builds it (caseViewOf), for an accepted case. */
function viewTemplate(configuration: ConfigurationCache): Document {
  const { state } = acceptedCase(configuration, 'template');
  return caseViewOf(
    {
      caseId: 'template',
      state,
      explanations: {},
      inquiryMatterCode: null,
      position: '00000000000000000750:00000000000000000012',
      recordedAt: ACCEPTED_AT,
    },
    configuration.policy(),
    configuration.officeClock('center-1'),
  ) as unknown as Document;
}

let template: Document | undefined;

/**
 * One open case's view, due at `nextCheckAt`: the projector's document with its id and time. Without
 * the folded `state` (two thirds of its bytes) unless BENCH_FULL_VIEWS=1: FerretDB 1.x decodes every
 * document for the due-case query, and whole documents make the run about four times longer.
 */
const FULL_VIEWS = process.env.BENCH_FULL_VIEWS === '1';

function view(caseId: string, nextCheckAt: number): Document {
  const { state: _state, ...lean } = template ?? {};
  return {
    ...(FULL_VIEWS ? template : lean),
    _id: caseId,
    _position: '00000000000000000750:00000000000000000012',
    caseId,
    nextCheckAt: new Date(nextCheckAt),
  };
}

async function insertViews(db: Db, from: number, to: number, dueIds: readonly string[]): Promise<void> {
  const views = db.collection(CASE_VIEWS_COLLECTION);
  for (let start = from; start < to; start += BATCH) {
    const docs: Document[] = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++)
      docs.push(view(`open-${i}`, TICK_AT + DAY + (i % 60) * DAY));
    await views.insertMany(docs, { ordered: false });
  }
  if (dueIds.length > 0)
    await views.insertMany(
      dueIds.map((id, i) => view(id, TICK_AT - DAY + i * 1000)),
      { ordered: false },
    );
}

async function explainDue(db: Db): Promise<string> {
  const explained = (await db
    .collection<CaseViewDueFields>(CASE_VIEWS_COLLECTION)
    .find(ReadStoreDueCases.filter(TICK_AT))
    .sort({ nextCheckAt: 1, _id: 1 })
    .limit(200)
    .explain('executionStats')) as Document;
  const stats = explained.executionStats as
    { totalDocsExamined?: number; totalKeysExamined?: number } | undefined;
  if (stats?.totalDocsExamined !== undefined)
    return `server examined ${stats.totalDocsExamined} documents, ${stats.totalKeysExamined ?? '?'} index keys`;
  const plan = JSON.stringify(explained.queryPlanner ?? {}).slice(0, 160);
  // FerretDB 1.x: no explain statistics; without pushdown it reads every document of the collection.
  return `filterPushdown=${String(explained.filterPushdown)} sortPushdown=${String(explained.sortPushdown)} plan=${plan}`;
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
  const client = await MongoClient.connect(readStore.uri);
  const db = client.db(`supervision_bench_${Date.now().toString(36)}`);
  const clock = new ManualClock(parseInstant(ACCEPTED_AT));
  const inner = await createEventStore(`pglite://${join(dir, 'events')}`, {
    clock: () => new Date(clock.now()),
  });
  const counting = countingStore(inner);
  const configuration = new ConfigurationCache(inner, createApiLogger('silent'), 3_600_000);
  try {
    await configuration.start();
    template = viewTemplate(configuration);
    console.log(
      `a case view: ${JSON.stringify(view('example', TICK_AT)).length} bytes of JSON (${FULL_VIEWS ? 'whole' : 'without the folded state'})`,
    );
    // The index the case_views projection declares for this query.
    await db.collection(CASE_VIEWS_COLLECTION).createIndex({ nextCheckAt: 1, _id: 1 });
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
      const report = await loop.tick();
      const line = {
        openCases: total,
        due: report.due,
        tickMs: report.durationMs,
        dueQueryMs: Math.round(dueCases.ms),
        supervisionWorkMs: Math.round(report.durationMs - dueCases.ms),
        appended: report.appended,
        viewDocumentsRead: report.due,
        streamsRead: counting.counts.streamsRead,
        eventsRead: counting.counts.eventsRead,
        readStore: await explainDue(db),
      };
      console.log(`${label}: ${JSON.stringify(line)}`);
      if (report.due !== DUE || report.appended !== DUE)
        throw new Error(`expected ${DUE} due cases with a card each, got ${JSON.stringify(report)}`);
      return { ms: report.durationMs, queryMs: dueCases.ms, line };
    };

    // 100,000 open cases, 100 of them due.
    let t = performance.now();
    const firstDue = Array.from({ length: DUE }, (_, i) => `due-a-${i}`);
    for (const id of firstDue) await seedCase(inner, configuration, id);
    await insertViews(db, 0, SMALL - DUE, firstDue);
    const setup100k = performance.now() - t;
    console.log(`setup ${SMALL} open cases: ${Math.round(setup100k)} ms (${readStore.kind})`);
    const small = await measure(`tick, ${SMALL} open cases`, SMALL);

    // As the projector would: the first hundred have their cards and look again later.
    await db.collection(CASE_VIEWS_COLLECTION).updateMany({ _id: { $in: firstDue } } as Document, {
      $set: { nextCheckAt: new Date(TICK_AT + 3 * DAY) },
    });
    t = performance.now();
    const secondDue = Array.from({ length: DUE }, (_, i) => `due-b-${i}`);
    for (const id of secondDue) await seedCase(inner, configuration, id);
    await insertViews(db, SMALL - DUE, LARGE - 2 * DUE, secondDue);
    const count = await db.collection(CASE_VIEWS_COLLECTION).countDocuments();
    const setup1m = performance.now() - t;
    console.log(`setup ${count} open cases: ${Math.round(setup1m)} ms`);
    const large = await measure(`tick, ${count} open cases`, count);

    console.log(
      JSON.stringify({
        tickMs100k: small.ms,
        tickMs1m: large.ms,
        ratio: Math.round((large.ms / small.ms) * 100) / 100,
        dueQueryMs100k: Math.round(small.queryMs),
        dueQueryMs1m: Math.round(large.queryMs),
        supervisionWorkRatio:
          Math.round(((large.ms - large.queryMs) / (small.ms - small.queryMs)) * 100) / 100,
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
