/**
 * A rebuild's swap a crash interrupted (issue 6.5; swap-rebuilt-collections.ts): the next rebuild
 * finishes it before anything else, and the collections it swaps in carry every declared index even
 * when the interrupted rebuild never built them (a swap begun by older code, which loaded and swapped
 * with `_id` alone). The swap right after a rebuild does not ensure them again (it has just built
 * them); a resumed one does, before each rename.
 */
import { pino } from 'pino';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import {
  READ_MODELS,
  rebuildCheckpointId,
  rebuildCollectionName,
} from '#infra/read-store/read-model-collections.js';
import { RebuildAborted } from '../../apps/projector/src/rebuild/rebuild-aborted.js';
import { rebuildProjections } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import {
  beginSwap,
  finishSwap,
  SwapLeaseLost,
} from '../../apps/projector/src/rebuild/swap-rebuilt-collections.js';
import { READ_MODEL_PROJECTIONS } from '../../apps/projector/src/projections/projector-projections.js';
import { appendPlanned } from '../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../bench/projector/realistic-cases.js';
import { indexesOf } from './support/read-model-indexes.js';
import { pgliteEventStore, type TestEventStore } from './support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

const quiet = pino({ level: 'silent' });

/** Progress that aborts the rebuild once `when` says so. */
const abortWhen = (stop: AbortController, when: 'started' | 'applied') => ({
  start: () => void (when === 'started' && stop.abort()),
  update: (applied: number) => void (when === 'applied' && applied > 0 && stop.abort()),
  finish: () => undefined,
});

describe('a swap a crash interrupted', () => {
  let events: TestEventStore;
  let server: TestReadServer;

  beforeAll(async () => {
    events = await pgliteEventStore();
    server = await startTestReadServer();
    await appendPlanned(events.store, events.clock, realisticCaseAppends({ cases: 80, seed: 31 }));
  });
  afterAll(async () => {
    await server?.close();
    await events?.close();
  });

  /** A database where a case-views rebuild was stopped while loading, and its projection. */
  async function stoppedWhileLoading(prefix: string) {
    const { db } = await server.database(prefix);
    const caseViews = READ_MODEL_PROJECTIONS.find((p) => p.name === 'case-views')!;
    const stop = new AbortController();
    await expect(
      rebuildProjections(events.store, db, {
        names: ['case-views'],
        logger: quiet,
        batchSize: 200,
        signal: stop.signal,
        progress: abortWhen(stop, 'applied'),
      }),
    ).rejects.toThrow(RebuildAborted);
    return { db, caseViews };
  }

  it('is finished by the next rebuild, swapping in collections that carry every declared index', async () => {
    // A rebuild stopped while loading: its collections have `_id` only.
    const { db, caseViews } = await stoppedWhileLoading('interrupted_swap');
    expect(caseViews.collections.some((c) => c.indexes.length > 0)).toBe(true);
    const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
    const loaded = caseViews.collections.filter((c) => existing.has(rebuildCollectionName(c.name)));
    expect(loaded.map((c) => c.name)).toContain(READ_MODELS.caseViews);
    for (const c of loaded)
      expect(await indexesOf(db, rebuildCollectionName(c.name))).toEqual([
        { key: [['_id', 1]], unique: false },
      ]);
    // Killed right after marking its swap begun, its collections still without their indexes.
    await beginSwap(db, caseViews);

    // The next rebuild finishes that swap first; stopped then, before its own rebuild swaps anything.
    const second = new AbortController();
    await expect(
      rebuildProjections(events.store, db, {
        names: ['case-views'],
        logger: quiet,
        signal: second.signal,
        progress: abortWhen(second, 'started'),
      }),
    ).rejects.toThrow(RebuildAborted);
    for (const c of loaded)
      expect(await indexesOf(db, c.name)).toEqual(
        expect.arrayContaining(
          c.indexes.map((i) => ({ key: Object.entries(i.key), unique: i.unique ?? false })),
        ),
      );
    expect(await indexesOf(db, READ_MODELS.caseViews)).not.toEqual([{ key: [['_id', 1]], unique: false }]);
  }, 120_000);

  it('stops before renaming anything when its holder no longer holds the live lease, and finishes once it does', async () => {
    const { db, caseViews } = await stoppedWhileLoading('swap_lease_lost');
    await beginSwap(db, caseViews);
    const names = async (): Promise<string[]> =>
      (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
    const before = await names();
    expect(before).toContain(rebuildCollectionName(READ_MODELS.caseViews));

    // The lease went to another process (it expired while this one stalled): nothing is renamed.
    let asked = 0;
    const lost = async (): Promise<boolean> => (asked++, false);
    await expect(finishSwap(db, caseViews, { resumed: true, stillHeld: lost })).rejects.toThrow(
      SwapLeaseLost,
    );
    expect(asked).toBe(1);
    expect(await names()).toEqual(before);
    const pending = await checkpointsOf(db).findOne({ _id: rebuildCheckpointId('case-views') });
    expect(pending?.phase).toBe('swapping');

    // Its new holder finishes the swap.
    expect(await finishSwap(db, caseViews, { resumed: true, stillHeld: async () => true })).toBe(true);
    expect(await names()).not.toContain(rebuildCollectionName(READ_MODELS.caseViews));
    expect(await names()).toContain(READ_MODELS.caseViews);
    expect(await checkpointsOf(db).findOne({ _id: rebuildCheckpointId('case-views') })).toBeNull();
  }, 120_000);
});
