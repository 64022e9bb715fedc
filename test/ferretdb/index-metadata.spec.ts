/**
 * The local FerretDB build's indexes (scripts/ensure-ferretdb.sh, build 11, issue 19): a non-unique
 * index is kept in FerretDB's metadata only, with no SQLite index behind it (FerretDB 1.x reads
 * through no SQLite index but `_id`'s, and the pre-filter reads its own); a unique index is built
 * as before, because it is what refuses a duplicate key. What a client sees stays MongoDB's:
 * listIndexes shows both, the unique one refuses duplicates, dropping and creating again work, and
 * all of it survives a restart. collStats lists the indexes that have storage: the `_id` index and
 * the unique one, not the non-unique one (that is how this test sees that no SQLite index was built).
 * Always its own server: it tests this build, not MONGODB_TEST_URL's.
 */
import type { Collection, MongoClient } from 'mongodb';
import { mongoCodeOf, OwnFerretDb } from './support/own-ferretdb.js';

interface Doc {
  _id: string;
  n: number;
  receipt: string;
}

const DOCS: Doc[] = Array.from({ length: 50 }, (_, i) => ({
  _id: `c-${String(i).padStart(3, '0')}`,
  n: i % 7,
  receipt: `SL-${i}`,
}));

describe('indexes on the local FerretDB build', () => {
  let ferret: OwnFerretDb;

  const casesOf = (client: MongoClient): Collection<Doc> =>
    client.db('index_metadata').collection<Doc>('cases');
  const connect = async (): Promise<Collection<Doc>> => casesOf(await ferret.start());
  const restart = async (): Promise<Collection<Doc>> => casesOf(await ferret.restart());
  const indexNames = async (c: Collection<Doc>): Promise<string[]> =>
    (await c.listIndexes().toArray()).map((i) => String(i.name)).sort();
  const storedIndexes = async (c: Collection<Doc>): Promise<string[]> => {
    const stats = await c.db.command({ collStats: c.collectionName });
    return Object.keys(stats.indexSizes as Record<string, number>).sort();
  };

  beforeAll(async () => {
    ferret = await OwnFerretDb.inTemporaryFolder('index-metadata-');
  });
  afterAll(() => ferret?.close());

  it('keeps a non-unique index in the metadata only, builds a unique one, and answers as MongoDB', async () => {
    let cases = await connect();
    await cases.insertMany(DOCS);
    await cases.createIndex({ n: 1, _id: 1 }, { name: 'n_id' });
    await cases.createIndex({ receipt: 1 }, { name: 'receipt_unique', unique: true });

    expect(await indexNames(cases)).toEqual(['_id_', 'n_id', 'receipt_unique']);
    expect(await storedIndexes(cases)).toEqual(['_id_', 'receipt_unique']);
    const unique = (await cases.listIndexes().toArray()).find((i) => i.name === 'receipt_unique');
    expect(unique).toMatchObject({ key: { receipt: 1 }, unique: true });

    // The unique index refuses a duplicate and records nothing; the non-unique key repeats freely.
    const duplicate = await cases.insertOne({ _id: 'c-dup', n: 1, receipt: 'SL-3' }).catch((e: unknown) => e);
    expect(mongoCodeOf(duplicate)).toBe(11000);
    await cases.insertOne({ _id: 'c-new', n: 1, receipt: 'SL-new' });
    expect(await cases.countDocuments({})).toBe(DOCS.length + 1);

    // Queries on the non-unique index's fields answer what the documents hold, in order.
    const expected = [...DOCS, { _id: 'c-new', n: 1, receipt: 'SL-new' }]
      .filter((d) => d.n >= 2 && d.n < 4)
      .sort((a, b) => a.n - b.n || a._id.localeCompare(b._id))
      .map((d) => d._id);
    const found = await cases
      .find({ n: { $gte: 2, $lt: 4 } })
      .sort({ n: 1, _id: 1 })
      .toArray();
    expect(found.map((d) => d._id)).toEqual(expected);

    cases = await restart();
    expect(await indexNames(cases)).toEqual(['_id_', 'n_id', 'receipt_unique']);
    expect(
      mongoCodeOf(await cases.insertOne({ _id: 'c-dup2', n: 0, receipt: 'SL-4' }).catch((e: unknown) => e)),
    ).toBe(11000);

    await cases.dropIndex('n_id');
    await cases.dropIndex('receipt_unique');
    expect(await indexNames(cases)).toEqual(['_id_']);
    await cases.insertOne({ _id: 'c-dup3', n: 0, receipt: 'SL-4' }); // no longer unique
    await cases.createIndex({ n: 1, _id: 1 }, { name: 'n_id' });
    expect(await indexNames(cases)).toEqual(['_id_', 'n_id']);
    expect(await storedIndexes(cases)).toEqual(['_id_']);
  });
});
