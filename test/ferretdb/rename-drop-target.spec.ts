/**
 * The local FerretDB build's renameCollection with dropTarget (scripts/ferretdb/gsc_rename.go,
 * issue 19; "not implemented" in FerretDB 1.x, issue 2565): the projector swaps a rebuilt read model
 * in with it (apps/projector/src/rebuild/swap-rebuilt-collections.ts). The target's drop and the
 * rename are one SQLite transaction, so readers polling the live collection while it is renamed over
 * always find it, and find all of the old documents or all of the new ones. The cases around it
 * answer as MongoDB does: dropTarget over a missing target renames; without dropTarget an existing
 * target is refused (NamespaceExists, 48); a missing source is NamespaceNotFound (26). The result
 * survives a restart (FerretDB's metadata table agrees with its registry).
 * Always its own server: it tests this build, not MONGODB_TEST_URL's.
 */
import type { Db } from 'mongodb';
import { mongoCodeOf, OwnFerretDb } from './support/own-ferretdb.js';

interface Doc {
  _id: string;
  n: number;
  generation: string;
}

const COUNT = 200;
const ROUNDS = 12;
const READERS = 4;

const docsOf = (generation: string): Doc[] =>
  Array.from({ length: COUNT }, (_, i) => ({ _id: `c-${String(i).padStart(4, '0')}`, n: i, generation }));

/** A collection named `name` holding COUNT documents of `generation`, indexed on `n` as the read models are. */
async function filled(db: Db, name: string, generation: string): Promise<void> {
  await db.collection<Doc>(name).insertMany(docsOf(generation));
  await db.collection<Doc>(name).createIndex({ n: 1 });
}

const namesIn = async (db: Db): Promise<string[]> =>
  (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();

describe('renameCollection with dropTarget on the local FerretDB', () => {
  let ferret: OwnFerretDb;

  beforeAll(async () => {
    ferret = await OwnFerretDb.inTemporaryFolder('rename-drop-target-', { maxPoolSize: READERS + 2 });
    await ferret.start();
  });
  afterAll(() => ferret?.close());

  it('readers polling the live collection while it is renamed over always find it, all old or all new', async () => {
    const db = ferret.client.db('swap_readers');
    await filled(db, 'live', 'g0');
    const answers: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const before = `g${round - 1}`;
      const after = `g${round}`;
      await filled(db, 'live__rebuild', after);
      let renamed = false;
      let readsAfter = 0;
      // Each reader: a find by _id and a ranged, sorted find (the pre-filter and sort pushdown read
      // the table's expression indexes too), back to back, until a few reads after the rename.
      const reader = async (): Promise<void> => {
        const live = db.collection<Doc>('live');
        while (!renamed || readsAfter < READERS * 2) {
          if (renamed) readsAfter++;
          const one = await live.findOne({ _id: 'c-0007' });
          answers.push(one ? one.generation : 'missing');
          const range = await live.find({ n: { $gte: 10 } }, { sort: { n: 1 } }).toArray();
          const generations = [...new Set(range.map((d) => d.generation))];
          answers.push(range.length === COUNT - 10 && generations.length === 1 ? generations[0]! : 'torn');
        }
      };
      const readers = Array.from({ length: READERS }, reader);
      await new Promise((r) => setTimeout(r, 5 + round));
      await db.renameCollection('live__rebuild', 'live', { dropTarget: true });
      renamed = true;
      await Promise.all(readers);
      expect(answers.filter((a) => a !== before && a !== after)).toEqual([]);
      expect((await db.collection<Doc>('live').findOne({ _id: 'c-0007' }))?.generation).toBe(after);
      answers.length = 0;
    }
    expect(await namesIn(db)).toEqual(['live']);
    expect(await db.collection('live').countDocuments({ generation: `g${ROUNDS}` })).toBe(COUNT);
  }, 120_000);

  it('dropTarget over a missing target renames; the renamed collection keeps its documents and indexes', async () => {
    const db = ferret.client.db('swap_missing_target');
    await filled(db, 'fresh', 'new');
    await db.renameCollection('fresh', 'live', { dropTarget: true });
    expect(await namesIn(db)).toEqual(['live']);
    expect(await db.collection('live').countDocuments({ generation: 'new' })).toBe(COUNT);
    expect((await db.collection('live').indexes()).map((i) => i.name).sort()).toEqual(['_id_', 'n_1']);
  });

  it('without dropTarget an existing target is refused (NamespaceExists, 48), both left as they were', async () => {
    const db = ferret.client.db('swap_no_drop_target');
    await filled(db, 'live', 'old');
    await filled(db, 'fresh', 'new');
    const refused = await db.renameCollection('fresh', 'live').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(mongoCodeOf(refused)).toBe(48);
    expect(await namesIn(db)).toEqual(['fresh', 'live']);
    expect(await db.collection('live').countDocuments({ generation: 'old' })).toBe(COUNT);
    expect(await db.collection('fresh').countDocuments({ generation: 'new' })).toBe(COUNT);
    // dropTarget: false is the same as leaving it out.
    const refusedAgain = await db.renameCollection('fresh', 'live', { dropTarget: false }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(mongoCodeOf(refusedAgain)).toBe(48);
  });

  it('a missing source is NamespaceNotFound (26), with or without dropTarget; the target stays', async () => {
    const db = ferret.client.db('swap_missing_source');
    await filled(db, 'live', 'old');
    for (const dropTarget of [true, false]) {
      const refused = await db.renameCollection('nothing', 'live', { dropTarget }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(mongoCodeOf(refused)).toBe(26);
    }
    expect(await db.collection('live').countDocuments({ generation: 'old' })).toBe(COUNT);
  });

  it('the rename over survives a restart: the replaced collection is gone, the renamed one answers', async () => {
    const db = ferret.client.db('swap_restart');
    await filled(db, 'live', 'old');
    await filled(db, 'fresh', 'new');
    await db.renameCollection('fresh', 'live', { dropTarget: true });
    const again = (await ferret.restart()).db('swap_restart');
    expect(await namesIn(again)).toEqual(['live']);
    expect(await again.collection('live').countDocuments({ generation: 'new' })).toBe(COUNT);
    expect(await again.collection('live').countDocuments({ n: { $gte: 100 } })).toBe(COUNT - 100);
  });
});
