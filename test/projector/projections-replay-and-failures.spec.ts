/**
 * The projector on realistic cases (PGlite, FerretDB) when things go wrong: a replay changes
 * nothing, even over shared documents that have seen events their unit documents have not; an
 * event no projection can apply is parked and the rest goes on; a failing event store is waited
 * out, and so is a read store that restarts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { CaseState } from '#domain/case/case-state.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import {
  decodeCaseView,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import type { CaseTimelineDocument } from '#infra/read-store/documents/case-timeline-document.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import {
  CHECKPOINTS_COLLECTION,
  PARKED_EVENTS_COLLECTION,
  READ_MODELS,
} from '#infra/read-store/read-model-collections.js';
import { connectReadStore, type ReadStore } from '#infra/read-store/read-store.js';
import { startProjector } from '../../apps/projector/src/start-projector.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import {
  caughtUp,
  projectAll,
  testProjector,
  useProjectedRealisticCases,
} from './support/projected-realistic-cases.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { pgliteEventStore, type TestEventStore } from './support/test-event-store.js';

describe('the projector on realistic cases (PGlite, FerretDB)', () => {
  let events: TestEventStore;
  let read: ReadStore;
  let states: Map<string, CaseState>;

  useProjectedRealisticCases((p) => ({ events, read, states } = p));

  /** Deletes `collections` and every checkpoint, projects from START: the differences from before. */
  async function replayAfterDeleting(...collections: string[]): Promise<string[]> {
    const before = await readModelHashes(read.db);
    for (const name of [...collections, CHECKPOINTS_COLLECTION])
      await read.db.collection(name).deleteMany({});
    await projectAll(events.store, read, { batchSize: 777 });
    return hashDifferences(before, await readModelHashes(read.db));
  }

  it('a replayed event changes nothing: from START again over the same documents, every document stays as it was', async () => {
    expect(await replayAfterDeleting()).toEqual([]);
    // Replay reads every unit document back; FerretDB decodes plain subdocuments value by value.
  }, 180_000);

  it('shared documents written, unit documents not (a crash between the two writes): the replay counts nothing twice', async () => {
    // The day counts (statistics) and violations (accountability) stay; their cases go.
    const differences = await replayAfterDeleting(
      READ_MODELS.statisticsCases,
      READ_MODELS.accountabilityCases,
    );
    expect(differences).toEqual([]);
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
