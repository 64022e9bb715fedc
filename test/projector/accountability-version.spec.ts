/**
 * Accountability 3 → 5 and 4 → 5 (issue 19, apps/projector/README.md "Versions"). 3: a read store whose
 * violations were kept inside one document per window and quarter (`accountability`, version 3) is
 * rebuilt by the projector by itself into one document per violation (`accountability_violations`)
 * and swapped in; the window-quarter collection is dropped after the swap, every window's ledger is
 * what it was, and the store equals a clean build. 4: a store whose case documents held the case's
 * events is rebuilt into documents holding the detection state (A1), with the same violations.
 * PGlite and FerretDB.
 */
import type { Db } from 'mongodb';
import type { Violation } from '#domain/accountability/violation.js';
import { windowLedger } from '#domain/accountability/window-ledger.js';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import {
  violationOf,
  type StoredAccountabilityCaseDocument,
  type ViolationDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import { READ_MODELS, RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../../apps/projector/src/projection/projection.js';
import { accountabilityProjection } from '../../apps/projector/src/projections/accountability/accountability.projection.js';
import { accountabilityVersion3 } from './support/accountability-version-3.js';
import { accountabilityVersion4 } from './support/accountability-version-4.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { realisticStore } from './support/realistic-store.js';
import { buildWith } from './support/test-projector.js';

const current: Projection = accountabilityProjection;

interface WindowQuarter {
  readonly _id: string;
  readonly windowId: string;
  readonly quarter: string;
  readonly violations: Violation[];
}

const collectionNames = async (db: Db): Promise<string[]> =>
  (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);

describe('accountability 3 → 5: window-quarter documents become one document per violation', () => {
  const realistic = realisticStore({ cases: 150, seed: 41 });

  it('a store built by version 3 is rebuilt at start and swapped in: the same ledgers, the old collection dropped, equal to a clean build', async () => {
    const live = (await realistic.server.database('accountability_v3')).db;
    await buildWith(realistic.events, live, accountabilityVersion3);
    expect((await checkpointsOf(live).findOne({ _id: current.name }))?.version).toBe(3);
    const quarters = await live
      .collection<WindowQuarter>(RETIRED_READ_MODELS.windowQuarters)
      .find({})
      .toArray();
    expect(quarters.length).toBeGreaterThan(0);
    expect(await live.collection(READ_MODELS.accountabilityViolations).countDocuments()).toBe(0);

    await buildWith(realistic.events, live, current);
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

    const clean = (await realistic.server.database('accountability_clean')).db;
    await buildWith(realistic.events, clean, current);
    expect(hashDifferences(await readModelHashes(clean), await readModelHashes(live))).toEqual([]);
  }, 90_000);

  it('a store built by version 4 (the events in each case document) is rebuilt and swapped in: the detection state in their place, the same violations, equal to a clean build', async () => {
    const live = (await realistic.server.database('accountability_v4')).db;
    await buildWith(realistic.events, live, accountabilityVersion4);
    expect((await checkpointsOf(live).findOne({ _id: current.name }))?.version).toBe(4);
    const cases = live.collection<StoredAccountabilityCaseDocument>(READ_MODELS.accountabilityCases);
    const built4 = await cases.find({ caseId: { $ne: '' } }).toArray();
    expect(built4.length).toBeGreaterThan(100);
    for (const d of built4) expect(d.events?.length).toBeGreaterThan(0);
    const violationsAt4 = await live
      .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
      .find({})
      .sort({ _id: 1 })
      .toArray();

    await buildWith(realistic.events, live, current);
    expect((await checkpointsOf(live).findOne({ _id: current.name }))?.version).toBe(5);
    expect((await collectionNames(live)).filter((n) => n.includes('__'))).toEqual([]);
    const built5 = await cases.find({ caseId: { $ne: '' } }).toArray();
    expect(built5.length).toBe(built4.length);
    for (const d of built5) {
      expect(d).not.toHaveProperty('events');
      expect(d.detection).toEqual(expect.objectContaining({ caseId: d.caseId, found: expect.any(Array) }));
    }
    // A1: the same violations, as each case's document and as one document each.
    const byId = new Map(built4.map((d) => [d._id, d.violations]));
    for (const d of built5) expect(canonicalJson(d.violations)).toBe(canonicalJson(byId.get(d._id)));
    const violationsAt5 = await live
      .collection<ViolationDocument>(READ_MODELS.accountabilityViolations)
      .find({})
      .sort({ _id: 1 })
      .toArray();
    expect(canonicalJson(violationsAt5.map(violationOf))).toBe(canonicalJson(violationsAt4.map(violationOf)));

    const clean = (await realistic.server.database('accountability_clean_5')).db;
    await buildWith(realistic.events, clean, current);
    expect(hashDifferences(await readModelHashes(clean), await readModelHashes(live))).toEqual([]);
  }, 90_000);
});
