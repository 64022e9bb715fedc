/**
 * The projector on realistic cases (PGlite, FerretDB): every read model checked against the domain's
 * own functions over the recorded events (fold, assessTimeliness, detectViolations, windowLedger,
 * serviceStatistics), supervision's due cases against the views; a replay changes nothing; an
 * event no projection can apply is parked and the rest goes on; a failing store is waited out.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { detectViolations, type RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import { quarterOf, windowLedger } from '#domain/accountability/window-ledger.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, isClosed, type CaseState } from '#domain/case/case-state.js';
import { foldCase } from '#domain/case/evolve.js';
import { serviceStatistics } from '#domain/statistics/service-statistics.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import { START, type EventStore, type RecordedEvent } from '#infra/event-store/event-store.port.js';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import {
  decodeAccountabilityCase,
  violationOf,
  type StoredAccountabilityCaseDocument,
  type ViolationDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import type { CardDocument } from '#infra/read-store/documents/card-document.js';
import {
  eventOfTimelineEntry,
  type CaseTimelineDocument,
} from '#infra/read-store/documents/case-timeline-document.js';
import {
  decodeCaseView,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import {
  COUNTER_NAMES,
  type StatisticsDayDocument,
} from '#infra/read-store/documents/statistics-documents.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
} from '#infra/read-store/projection-configuration.js';
import {
  CHECKPOINTS_COLLECTION,
  PARKED_EVENTS_COLLECTION,
  READ_MODELS,
} from '#infra/read-store/read-model-collections.js';
import { connectReadStore, type ReadStore } from '#infra/read-store/read-store.js';
import {
  startProjector,
  type RunningProjector,
  type StartProjectorOptions,
} from '../../apps/projector/src/start-projector.js';
import type { DueCase } from '../../apps/projector/src/supervision/due-cases.port.js';
import { ReadStoreDueCases } from '../../apps/projector/src/supervision/read-store-due-cases.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { pgliteEventStore, type TestEventStore } from './support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  let from = START;
  for (;;) {
    const page = await store.readAll(from, { batchSize: 5000 });
    out.push(...page.events);
    from = page.nextPosition;
    if (page.caughtUp) return out;
  }
}

const byId = (a: { violationId: string }, b: { violationId: string }): number =>
  a.violationId < b.violationId ? -1 : a.violationId > b.violationId ? 1 : 0;
const caughtUp = async (projector: RunningProjector): Promise<void> => projector.whenCaughtUp();
const quiet = pino({ level: 'silent' });

/** The projector as these tests run it: quick to take leases and to poll, silent. */
const testProjector = (store: EventStore, read: ReadStore, options: StartProjectorOptions = {}) =>
  startProjector(store, read.db, { leaseRetryMs: 50, idlePollMs: 20, logger: quiet, ...options });

/** Projects what is recorded so far, then stops. */
async function projectAll(store: EventStore, read: ReadStore, options: StartProjectorOptions = {}) {
  const projector = testProjector(store, read, options);
  await caughtUp(projector);
  await projector.stop();
}

describe('the projector on realistic cases (PGlite, FerretDB)', () => {
  let events: TestEventStore;
  let server: TestReadServer;
  let read: ReadStore;
  let recorded: RecordedEvent[];
  let cases: Map<string, RecordedEvent[]>;
  let states: Map<string, CaseState>;

  beforeAll(async () => {
    events = await pgliteEventStore();
    server = await startTestReadServer();
    read = await server.database();
    await appendPlanned(events.store, events.clock, realisticCaseAppends({ cases: 800, seed: 7 }));
    await projectAll(events.store, read);
    recorded = await allEvents(events.store);
    cases = new Map();
    for (const e of recorded)
      if (e.streamId.startsWith('case-')) {
        const id = e.streamId.slice('case-'.length);
        cases.set(id, [...(cases.get(id) ?? []), e]);
      }
    states = new Map(
      [...cases].map(([id, es]) => [id, foldCase(es.map(toCaseEvent) as CaseEvent[], initialState)]),
    );
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await events?.close();
  });

  const environment = () => environmentOf(recorded.reduce(reduceConfiguration, INITIAL_CONFIGURATION));

  it('case_views: one per case, its state the fold of its events, level and nextCheckAt assessed as of its last event', async () => {
    const docs = await read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews).find({}).toArray();
    expect(docs).toHaveLength(cases.size);
    const env = environment();
    const levels = new Set<string>();
    for (const stored of docs) {
      const doc = decodeCaseView(stored);
      const es = cases.get(doc.caseId)!;
      const state = states.get(doc.caseId)!;
      const last = es[es.length - 1]!;
      expect(canonicalJson(doc.state)).toBe(canonicalJson(state));
      expect(doc._position).toBe(last.position);
      expect(doc.revision).toBe(last.revision);
      expect(doc.status).toBe(state.status);
      expect(doc.deadlineAt?.getTime() ?? null).toBe(state.deadline ?? null);
      expect(doc.open).toBe(state.status !== 'none' && !isClosed(state));
      expect(doc.receiptNo).toBe(state.acceptance?.receiptNo ?? null);
      expect(doc.receivedAt?.getTime() ?? null).toBe(state.receivedAt ?? null);
      expect(doc.handledBy).toEqual([
        ...new Set(es.filter((e) => e.actor.role !== 'system').map((e) => e.actor.id)),
      ]);
      const assessment = assessTimeliness(
        state,
        env.policy,
        env.officeClock(state.centerId),
        Date.parse(last.recordedAt),
      );
      expect(doc.level).toBe(assessment.level);
      levels.add(doc.level);
      const dueNow =
        assessment.dueCards.length > 0 ||
        assessment.overdueSteps.some((s) => !s.raised) ||
        assessment.referralFollowUpDue !== undefined;
      expect(doc.nextCheckAt?.getTime() ?? null).toBe(
        dueNow ? Date.parse(last.recordedAt) : (assessment.nextCheckAt ?? null),
      );
    }
    expect([...levels].sort()).toEqual(expect.arrayContaining(['normal', 'yellow']));
  });

  it('case_views: no document holds more than one case; the open-case query fields are plain and indexed (issue 19)', async () => {
    const collections = (await read.db.listCollections().toArray()).map((c) => c.name);
    expect(collections).not.toContain('case_open_deadlines');
    expect(collections).not.toContain('case_due_buckets');
    const indexes = (await read.db.collection(READ_MODELS.caseViews).indexes()).map((i) => i.name);
    expect(indexes).toEqual(
      expect.arrayContaining([
        'open_center_deadline',
        'open_department_deadline',
        'next_check',
        'receipt_no',
      ]),
    );
    const open = await read.db
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .find({ open: true, deadlineAt: { $ne: null } })
      .toArray();
    const expected = [...states].filter(
      ([, s]) => s.deadline !== undefined && s.status !== 'none' && !isClosed(s),
    );
    expect(open.length).toBeGreaterThan(10);
    expect(open.map((v) => v._id).sort()).toEqual(expected.map(([id]) => id).sort());
  });

  it('supervision’s due cases: dueAt pages through case_views by (nextCheckAt, caseId), exactly the cases due', async () => {
    const views = (
      await read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews).find({}).toArray()
    ).filter((v) => v.nextCheckAt !== null);
    expect(views.length).toBeGreaterThan(10);
    const ordered = views
      .map((v) => ({ caseId: v._id, nextCheckAt: v.nextCheckAt!.getTime() }))
      .sort((a, b) => a.nextCheckAt - b.nextCheckAt || (a.caseId < b.caseId ? -1 : 1));
    const due = new ReadStoreDueCases(read.db);
    for (const now of [
      ordered[0]!.nextCheckAt,
      ordered[Math.floor(ordered.length / 2)]!.nextCheckAt - 1,
      4e12,
    ]) {
      const expected = ordered.filter((d) => d.nextCheckAt <= now);
      const paged: DueCase[] = [];
      let after: DueCase | undefined;
      for (;;) {
        const page = await due.dueAt(now, 50, after);
        paged.push(...page);
        if (page.length < 50) break;
        after = page[page.length - 1];
      }
      expect(paged).toEqual(expected);
    }
  });

  it('case_timelines: one document per event, as recorded, unique on {caseId, revision}', async () => {
    const docs = await read.db
      .collection<CaseTimelineDocument>(READ_MODELS.caseTimelines)
      .find({})
      .sort({ _id: 1 })
      .toArray();
    expect(docs).toHaveLength([...cases.values()].reduce((n, es) => n + es.length, 0));
    const byCase = new Map<string, RecordedEvent[]>();
    for (const doc of docs)
      byCase.set(doc.caseId, [...(byCase.get(doc.caseId) ?? []), eventOfTimelineEntry(doc)]);
    for (const [caseId, es] of cases) expect(canonicalJson(byCase.get(caseId))).toBe(canonicalJson(es));
    const unique = (await read.db.collection(READ_MODELS.caseTimelines).indexes()).find(
      (i) => i.name === 'case_revision',
    );
    expect(unique).toMatchObject({ key: { caseId: 1, revision: 1 }, unique: true });
  });

  it('cards: one per card issued, explained and revoked as recorded (C1–C5)', async () => {
    const issued = recorded.filter((e) =>
      ['WarningIssued', 'YellowCardIssued', 'RedCardIssued'].includes(e.type),
    );
    const explained = new Set(
      recorded
        .filter((e) => e.type === 'ExplanationSubmitted')
        .map((e) => `${e.streamId.slice(5)}:${(e.data as { cardId: string }).cardId}`),
    );
    const docs = await read.db.collection<CardDocument>(READ_MODELS.cards).find({}).toArray();
    expect(issued.length).toBeGreaterThan(20);
    expect(docs.map((d) => d._id).sort()).toEqual(
      issued.map((e) => `${e.streamId.slice(5)}:${(e.data as { cardId: string }).cardId}`).sort(),
    );
    expect(explained.size).toBeGreaterThan(0);
    for (const d of docs) expect(d.explained).toBe(explained.has(d._id));
  });

  it('accountability: each case’s violations are detectViolations of its events; one document per violation, from which each window’s quarter gives the ledger (A1, A2)', async () => {
    const all = new Map<string, ReturnType<typeof detectViolations>>();
    for (const [id, es] of cases) all.set(id, detectViolations(es.map(toCaseEvent) as RecordedCaseEvent[]));
    const docs = await read.db
      .collection<StoredAccountabilityCaseDocument>(READ_MODELS.accountabilityCases)
      .find({})
      .toArray();
    for (const stored of docs)
      expect(canonicalJson(decodeAccountabilityCase(stored).violations)).toBe(
        canonicalJson(all.get(stored._id)),
      );
    const violations = [...all.values()].flat();
    expect(new Set(violations.map((v) => v.code)).size).toBeGreaterThanOrEqual(5);
    const stored = await read.db
      .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
      .find({})
      .toArray();
    const counted = stored.filter((d) => d.counted);
    // Every violation proven, once, as detected; a withdrawn one (C4) is proven no more.
    expect(canonicalJson(counted.map(violationOf).sort(byId))).toBe(
      canonicalJson([...violations].sort(byId)),
    );
    const proven = new Set(violations.map((v) => v.violationId));
    for (const d of stored.filter((x) => !x.counted)) expect(proven.has(d._id)).toBe(false);
    // R1: each names its case's center, as its first event does.
    for (const d of counted) expect(d.centerId).toBe(states.get(d.caseId)?.centerId ?? null);
    const quarters = new Set(
      violations.filter((v) => v.windowId).map((v) => `${v.windowId}|${quarterOf(v.detectedAt)}`),
    );
    expect(quarters.size).toBeGreaterThan(0);
    for (const key of quarters) {
      const [windowId, quarter] = key.split('|') as [string, string];
      const found = await read.db
        .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
        .find({ windowId, quarter, counted: true })
        .toArray();
      expect(canonicalJson(windowLedger(found.map(violationOf), windowId, quarter))).toBe(
        canonicalJson(windowLedger(violations, windowId, quarter)),
      );
    }
  });

  it('statistics: the day counts add up to serviceStatistics over the cases, by department and in all (S1)', async () => {
    const days = await read.db.collection<StatisticsDayDocument>(READ_MODELS.statistics).find({}).toArray();
    const env = environment();
    const everything = [...states.values()];
    // `center`: the days of one center's cases (R1: a supervisor reads its own); null: every center.
    const sum = (scope: string, departmentId?: string, center: string | null = null) => {
      const total = Object.fromEntries(COUNTER_NAMES.map((k) => [k, 0])) as Record<string, number>;
      for (const d of days)
        if (
          d.scope === scope &&
          (d.centerId ?? null) === center &&
          (departmentId === undefined || d.departmentId === departmentId)
        )
          for (const k of COUNTER_NAMES) total[k]! += d[k];
      return total;
    };
    const figures = (subset: CaseState[]) => {
      const byCenter = ['center-1', 'center-2'].map((c) =>
        serviceStatistics(
          subset.filter((s) => s.centerId === c),
          env.officeClock(c),
          0,
          4e12,
          4e12,
        ),
      );
      const s = serviceStatistics(subset, env.officeClock('center-1'), 0, 4e12, 4e12);
      return {
        received: s.received,
        accepted: s.accepted,
        rejected: s.rejected,
        completed: s.completed,
        immediate: s.immediate,
        completedOnTime: s.completedOnTime,
        complaints: s.complaints,
        substantiatedComplaints: s.substantiatedComplaints,
        evaluations: s.evaluations,
        satisfied: Math.round((s.satisfactionRate ?? 0) * s.evaluations),
        workingDays: byCenter.reduce((n, c) => n + (c.averageWorkingDaysToComplete ?? 0) * c.completed, 0),
      };
    };
    const check = (total: Record<string, number>, subset: CaseState[]) => {
      const { workingDays, ...counts } = figures(subset);
      expect(Object.fromEntries(Object.keys(counts).map((k) => [k, total[k]]))).toEqual(counts);
      expect(total.workingDaysToComplete).toBeCloseTo(workingDays, 6);
    };
    check(sum('all'), everything);
    expect(sum('all').received).toBeGreaterThan(500);
    for (const center of ['center-1', 'center-2'])
      check(
        sum('all', undefined, center),
        everything.filter((s) => s.centerId === center),
      );
    for (const dept of ['dept-01', 'dept-07', 'dept-20'])
      check(
        sum('department', dept),
        everything.filter((s) => s.departmentId === dept),
      );
    const pairTotal = sum('pair');
    const windowTotal = sum('window');
    for (const k of COUNTER_NAMES) {
      expect(pairTotal[k]).toBeCloseTo(sum('all')[k]!, 6);
      expect(windowTotal[k]).toBeCloseTo(sum('all')[k]!, 6);
    }
  });

  it('a replayed event changes nothing: from START again over the same documents, every document stays as it was', async () => {
    const before = await readModelHashes(read.db);
    await read.db.collection(CHECKPOINTS_COLLECTION).deleteMany({});
    await projectAll(events.store, read, { batchSize: 777 });
    expect(hashDifferences(before, await readModelHashes(read.db))).toEqual([]);
    // Replay reads every unit document back; FerretDB decodes plain subdocuments value by value.
  }, 180_000);

  it('an event a projection cannot apply is parked with its error; the other events and views go on', async () => {
    const open = [...states].filter(([, s]) => s.status === 'accepted').map(([id]) => id);
    const [broken, withdrawn] = [open[0]!, open[1]!];
    const actor = { id: 'u-x', name: '窗口', role: 'window', departmentId: null, windowId: null };
    const event = (type: string, data: unknown) => ({
      eventId: crypto.randomUUID(),
      type,
      schemaVersion: 1,
      occurredAt: new Date(events.clock.value).toISOString(),
      actor,
      correlationId: crypto.randomUUID(),
      causationId: null,
      data,
    });
    // An acceptance without its deadline (a malformed event): evolve cannot read its instants.
    await events.store.append(
      `case-${broken}`,
      // With a phone number inside: the parked copy must not keep it (I1).
      [event('ApplicationAccepted', { receiptNo: 'SL-X', contact: { phone: '13900139000' } })],
      states.get(broken)!.revision,
    );
    await events.store.append(
      `case-${withdrawn}`,
      [event('CaseWithdrawn', { reason: '申请人撤回' })],
      states.get(withdrawn)!.revision,
    );
    await projectAll(events.store, read);
    const parked = await read.db.collection(PARKED_EVENTS_COLLECTION).find({}).toArray();
    expect(parked.map((p) => p.projection).sort()).toEqual(['accountability', 'case-views', 'statistics']);
    for (const p of parked) {
      expect(p).toMatchObject({
        streamId: `case-${broken}`,
        type: 'ApplicationAccepted',
        error: { message: expect.any(String) },
      });
      expect(p.event.eventId).toBe(p.eventId);
      expect(JSON.stringify(p)).not.toContain('13900139000');
    }
    const view = decodeCaseView(
      (await read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews).findOne({ _id: withdrawn }))!,
    );
    expect(view.status).toBe('withdrawn');
    const brokenView = decodeCaseView(
      (await read.db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews).findOne({ _id: broken }))!,
    );
    expect(brokenView.revision).toBe(states.get(broken)!.revision);
    // The timeline shows the event as recorded; it never needed to understand it.
    const timeline = await read.db
      .collection<CaseTimelineDocument>(READ_MODELS.caseTimelines)
      .find({ caseId: broken })
      .sort({ revision: 1 })
      .toArray();
    expect(timeline[timeline.length - 1]!.type).toBe('ApplicationAccepted');
  });

  it('backs off while the event store fails and resumes after', async () => {
    let failures = 3;
    const flaky: EventStore = new Proxy(events.store, {
      get(target, key, receiver) {
        if (key === 'readAll')
          return (...args: Parameters<EventStore['readAll']>) => {
            if (failures > 0) {
              failures--;
              return Promise.reject(new Error('connection refused (test)'));
            }
            return target.readAll(...args);
          };
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const warnings: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
    const projector = startProjector(flaky, read.db, { leaseRetryMs: 50, idlePollMs: 20, logger });
    await caughtUp(projector);
    await projector.stop();
    expect(failures).toBe(0);
    expect(warnings.filter((w) => w.includes('backing off'))).toHaveLength(3);
  });
});

describe('the projector while its read store restarts', () => {
  it('backs off while FerretDB is down and catches up once it is back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'projector-restart-'));
    let events: TestEventStore | undefined;
    let ferret = await startLocalFerretDb({ dataDir: dir, reuseRunning: false });
    const port = ferret.port;
    let read: ReadStore | undefined;
    try {
      events = await pgliteEventStore();
      read = await connectReadStore(ferret.uri, 'restart_test');
      await appendPlanned(events.store, events.clock, realisticCaseAppends({ cases: 50, seed: 3 }));
      const projector = testProjector(events.store, read, { maxBackoffMs: 500 });
      await caughtUp(projector);
      await ferret.stop();
      await appendPlanned(events.store, events.clock, realisticCaseAppends({ cases: 30, seed: 4 }));
      await new Promise((r) => setTimeout(r, 1500));
      ferret = await startLocalFerretDb({ dataDir: dir, port, reuseRunning: false });
      await caughtUp(projector);
      await projector.stop();
      expect(await read.db.collection(READ_MODELS.caseViews).countDocuments()).toBe(80);
    } finally {
      await read?.close();
      await ferret.stop();
      await events?.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
