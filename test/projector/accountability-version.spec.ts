/**
 * Accountability 3 → 4 (issue 19, apps/projector/README.md "Versions"): a read store whose
 * violations were kept inside one document per window and quarter (`accountability`, version 3) is
 * rebuilt by the projector by itself into one document per violation (`accountability_violations`)
 * and swapped in; the window-quarter collection is dropped after the swap, every window's ledger is
 * what it was, and the store equals a clean build at version 4. PGlite and FerretDB.
 */
import { pino } from 'pino';
import type { Db } from 'mongodb';
import type { Violation } from '#domain/accountability/violation.js';
import { windowLedger } from '#domain/accountability/window-ledger.js';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import { violationOf, type ViolationDocument } from '#infra/read-store/documents/accountability-documents.js';
import { READ_MODELS, RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../../apps/projector/src/projection/projection.js';
import { accountabilityProjection } from '../../apps/projector/src/projections/accountability/accountability.projection.js';
import { startProjector } from '../../apps/projector/src/start-projector.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import { accountabilityVersion3 } from './support/accountability-version-3.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { pgliteEventStore, type TestEventStore } from './support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

const current = accountabilityProjection as Projection;

interface WindowQuarter {
  readonly _id: string;
  readonly windowId: string;
  readonly quarter: string;
  readonly violations: Violation[];
}

async function buildWith(events: TestEventStore, db: Db, projection: Projection): Promise<void> {
  const projector = startProjector(events.store, db, {
    projections: [projection],
    leaseTtlMs: 1_500,
    leaseRetryMs: 100,
    idlePollMs: 20,
    batchSize: 100,
    logger: pino({ level: 'silent' }),
  });
  await projector.whenRebuildsDone();
  await projector.whenCaughtUp();
  await projector.stop();
}

const collectionNames = async (db: Db): Promise<string[]> =>
  (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);

describe('accountability 3 → 4: window-quarter documents become one document per violation', () => {
  let events: TestEventStore;
  let server: TestReadServer;

  beforeAll(async () => {
    events = await pgliteEventStore();
    server = await startTestReadServer();
    await appendPlanned(events.store, events.clock, realisticCaseAppends({ cases: 150, seed: 41 }));
  });
  afterAll(async () => {
    await server?.close();
    await events?.close();
  });

  it('a store built by version 3 is rebuilt at start and swapped in: the same ledgers, the old collection dropped, equal to a clean build', async () => {
    const live = (await server.database('accountability_v3')).db;
    await buildWith(events, live, accountabilityVersion3);
    expect((await checkpointsOf(live).findOne({ _id: current.name }))?.version).toBe(3);
    const quarters = await live
      .collection<WindowQuarter>(RETIRED_READ_MODELS.windowQuarters)
      .find({})
      .toArray();
    expect(quarters.length).toBeGreaterThan(0);
    expect(await live.collection(READ_MODELS.accountabilityViolations).countDocuments()).toBe(0);

    await buildWith(events, live, current);
    expect((await checkpointsOf(live).findOne({ _id: current.name }))?.version).toBe(current.version);
    const names = await collectionNames(live);
    expect(names).not.toContain(RETIRED_READ_MODELS.windowQuarters);
    expect(names.filter((n) => n.includes('__'))).toEqual([]);
    // A2: every window's quarter, read by its indexed fields, gives the ledger version 3 kept.
    const violations = live.collection<ViolationDocument>(READ_MODELS.accountabilityViolations);
    for (const q of quarters) {
      const found = await violations
        .find({ windowId: q.windowId, quarter: q.quarter, counted: true })
        .sort({ detectedAtMs: 1, _id: 1 })
        .toArray();
      expect(canonicalJson(windowLedger(found.map(violationOf), q.windowId, q.quarter))).toBe(
        canonicalJson(windowLedger(q.violations, q.windowId, q.quarter)),
      );
    }

    const clean = (await server.database('accountability_clean')).db;
    await buildWith(events, clean, current);
    expect(hashDifferences(await readModelHashes(clean), await readModelHashes(live))).toEqual([]);
  }, 90_000);
});
