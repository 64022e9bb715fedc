/**
 * The local FerretDB build answers other collections while it builds indexes (scripts/ensure-ferretdb.sh,
 * build 14, issue 19). FerretDB 1.x builds an index while holding its registry's lock, which every
 * query and insert of every collection also takes, so a rebuild's `createIndexes` on a loaded
 * collection (case_views: 10,000 cases, about 14 s on the local build) stalled every read the API
 * made until it ended. The build's own SQLite expression indexes, the slow part, are now built
 * before that lock is taken (scripts/ferretdb/gsc_index_prebuild.go), as MongoDB builds an index
 * without blocking other collections; SQLite still lets one writer at a time in, so the build pauses
 * between its statements while writes are under way.
 * Always its own server: it tests this build, not MONGODB_TEST_URL's.
 */
import type { Db } from 'mongodb';
import { OwnFerretDb } from './support/own-ferretdb.js';

const FIELDS = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
const DOCUMENTS = 12_000;

interface Doc {
  _id: string;
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
  at: Date;
  text: string;
}

const documentAt = (i: number): Doc => ({
  _id: `case-${String(i).padStart(6, '0')}`,
  a: (i * 3) % 997,
  b: (i * 4) % 997,
  c: (i * 5) % 997,
  d: (i * 6) % 997,
  e: (i * 7) % 997,
  f: (i * 8) % 997,
  at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
  text: 'x'.repeat(1_500),
});

interface Probed {
  readonly buildMs: number;
  /** How long each probe answered while the build went on took, in ms. */
  readonly answeredDuringBuild: readonly number[];
}

/**
 * Loads `big`, then builds six indexes on it in one createIndexes while probing `other` one probe
 * after the other: a read, and with `writes` an update too. Checks what both collections hold after.
 */
async function buildWhileProbing(db: Db, writes: boolean): Promise<Probed> {
  const big = db.collection<Doc>('big');
  for (let i = 0; i < DOCUMENTS; i += 1_000)
    await big.insertMany(Array.from({ length: 1_000 }, (_, k) => documentAt(i + k)));
  const other = db.collection<{ _id: string; n: number }>('other');
  await other.insertOne({ _id: 'one', n: 0 });

  let building = true;
  const started = Date.now();
  const build = big
    .createIndexes(FIELDS.map((f) => ({ key: { [f]: 1, _id: 1 }, name: `${f}_id` })))
    .finally(() => {
      building = false;
    });
  const answeredDuringBuild: number[] = [];
  let n = 0;
  while (building) {
    const asked = Date.now();
    expect((await other.findOne({ _id: 'one' }))?._id).toBe('one');
    if (writes) {
      await other.updateOne({ _id: 'one' }, { $inc: { n: 1 } });
      n += 1;
    }
    if (building) answeredDuringBuild.push(Date.now() - asked);
  }
  await build;
  const buildMs = Date.now() - started;

  expect(await other.findOne({ _id: 'one' })).toEqual({ _id: 'one', n });
  expect((await big.listIndexes().toArray()).map((i) => String(i.name)).sort()).toEqual(
    ['_id_', ...FIELDS.map((f) => `${f}_id`)].sort(),
  );
  // The indexes serve: a range over one field, in order.
  const range = await big
    .find({ c: { $gte: 10, $lt: 12 } })
    .sort({ c: 1, _id: 1 })
    .project({ _id: 1, c: 1 })
    .toArray();
  const expected = Array.from({ length: DOCUMENTS }, (_, i) => documentAt(i))
    .filter((d) => d.c >= 10 && d.c < 12)
    .sort((x, y) => x.c - y.c || x._id.localeCompare(y._id))
    .map((d) => ({ _id: d._id, c: d.c }));
  expect(range).toEqual(expected);
  return { buildMs, answeredDuringBuild };
}

describe('index builds on the local FerretDB build', () => {
  let ferret: OwnFerretDb;
  let db: Db;

  beforeEach(async () => {
    ferret = await OwnFerretDb.inTemporaryFolder('index-build-online-');
    db = (await ferret.start()).db('index_build_online');
  });
  afterEach(() => ferret?.close());

  it('reads other collections while a createIndexes builds', async () => {
    const { buildMs, answeredDuringBuild } = await buildWhileProbing(db, false);

    // The build is long enough to tell (1.3 s alone, here), and reads came back throughout, not
    // once at its end: under the registry's lock (build 13) none was answered during the build.
    expect(buildMs).toBeGreaterThan(500);
    expect(answeredDuringBuild.length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...answeredDuringBuild)).toBeLessThan(buildMs / 2);
  });

  it('lets writers in between its statements', async () => {
    // Without the gate the writer, whose busy handler polls, found SQLite's lock taken statement
    // after statement and waited for the whole build: none was answered during it.
    const { buildMs, answeredDuringBuild } = await buildWhileProbing(db, true);

    expect(buildMs).toBeGreaterThan(500);
    expect(answeredDuringBuild.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...answeredDuringBuild)).toBeLessThan(buildMs / 2);
  });
});
