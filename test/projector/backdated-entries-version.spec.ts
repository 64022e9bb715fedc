/**
 * Back-dated entries (U2) at version 2: a projection like the read models', built and rebuilt with
 * them. A store that version 1 built (the projection wrote its own documents, without `_position`,
 * and a rebuild dropped the collection and replayed it) is rebuilt beside the live collection when
 * version 2 starts, the audit view answering throughout, and ends equal to a clean build.
 * PGlite and FerretDB.
 */
import type { Db } from 'mongodb';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import {
  BACKDATED_ENTRIES_COLLECTION,
  type BackdatedEntryDocument,
} from '#infra/read-store/documents/backdated-entry-document.js';
import { allEvents } from '../support/all-events.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends, type PlannedAppend } from '../../bench/projector/realistic-cases.js';
import type { Built, Projection } from '../../apps/projector/src/projection/projection.js';
import { saveCheckpoint } from '../../apps/projector/src/runner/checkpoint-store.js';
import { backdatedEntriesProjection } from '../../apps/projector/src/supervision/backdated-entries/backdated-entries.projection.js';
import { backdatedEntryOf } from '../../apps/projector/src/supervision/backdated-entries/backdated-entry.js';
import { hashDifferences, readModelHashes } from './support/read-model-hashes.js';
import { realisticStore } from './support/realistic-store.js';
import { buildWith, startTestProjector } from './support/test-projector.js';

const current: Projection = backdatedEntriesProjection;
const HOUR_MS = 3_600_000;

/** The same cases, each step recorded an hour after it happened: every case event is back-dated. */
function* recordedAnHourLate(appends: Iterable<PlannedAppend>): Generator<PlannedAppend> {
  for (const a of appends) yield { ...a, recordedAt: a.recordedAt + HOUR_MS };
}

describe('back-dated entries built by version 1', () => {
  const realistic = realisticStore({ cases: 20, seed: 43 });

  it('are rebuilt beside the live collection when version 2 starts: the view answers throughout, and the result equals a clean build', async () => {
    const { store, clock } = realistic.events;
    await appendPlanned(store, clock, recordedAnHourLate(realisticCaseAppends({ cases: 20, seed: 44 })));
    const events = await allEvents(store);
    const last = events[events.length - 1].position;

    // What version 1 left: its documents (the same function made them, without `_position`), its
    // two indexes, and a checkpoint at the last event saying version 1.
    const live: Db = (await realistic.server.database('backdated_v1')).db;
    const v1 = events.flatMap((e) => backdatedEntryOf(e) ?? []);
    expect(v1.length).toBeGreaterThan(50);
    expect(v1.length).toBeLessThan(events.length); // the on-time cases' events are not listed
    const entries = live.collection<Built<BackdatedEntryDocument> | BackdatedEntryDocument>(
      BACKDATED_ENTRIES_COLLECTION,
    );
    await entries.insertMany(v1.map((d) => ({ ...d })));
    await entries.createIndex({ recordedAtMs: -1, _id: -1 });
    await entries.createIndex({ departmentId: 1, recordedAtMs: -1, _id: -1 });
    await saveCheckpoint(live, current.name, {
      projection: current.name,
      position: last,
      context: null,
      contextUnchanged: false,
      version: 1,
    });

    const projector = startTestProjector(realistic.events, live, current);
    let done = false;
    const rebuilt = projector.whenRebuildsDone().then(() => (done = true));
    const counts: number[] = [];
    while (!done) {
      counts.push(await entries.countDocuments());
      await new Promise((r) => setTimeout(r, 20));
    }
    await rebuilt;
    await projector.whenCaughtUp();
    await projector.stop();

    // The audit view never went empty: the rebuilt collection came in by one rename.
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter((n) => n < v1.length)).toEqual([]);
    expect((await checkpointsOf(live).findOne({ _id: current.name }))?.version).toBe(2);
    expect(await entries.countDocuments({ _position: { $exists: true } })).toBe(v1.length);

    const clean = (await realistic.server.database('backdated_clean')).db;
    await buildWith(realistic.events, clean, current);
    expect(hashDifferences(await readModelHashes(clean), await readModelHashes(live))).toEqual([]);
  }, 120_000);
});
