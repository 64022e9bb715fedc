/**
 * The local FerretDB build's BSON reading (build 23, scripts/ferretdb/gsc_wire_check.go and
 * gsc_bson_fast.go) through the real driver: every command a server reads goes through it, so two
 * servers, one as built and one with FerretDB's own reading (GSC_FERRETDB_FASTBSON=off), are sent
 * the same random documents of every type, the same updates and the same filters, and must hold
 * and answer the same; a NaN, which FerretDB 1.x refuses, is refused by both. The build itself
 * compares both paths with the originals on 20,000 documents and 60,000 altered ones in Go.
 */
import fc from 'fast-check';
import { BSON, Double, Int32, type MongoClient } from 'mongodb';
import { useFerretDbPair } from './support/ferretdb-pair.js';
import { documentArb, KEYS, value } from './support/random-documents.js';

describe('FerretDB BSON reading (local build 23): the same as FerretDB’s own', () => {
  const pair = useFerretDbPair('bson-read-', { GSC_FERRETDB_FASTBSON: 'off' });

  /** What a filter finds, sorted by _id, as canonical Extended JSON (BSON types kept as such). */
  const find = async (c: MongoClient, filter: Record<string, unknown>): Promise<string> =>
    BSON.EJSON.stringify(
      await c
        .db('bson')
        .collection('docs')
        .find(filter, { bsonRegExp: true, promoteValues: false })
        .sort({ _id: 1 })
        .toArray(),
      { relaxed: false },
    );

  it('stores, updates and finds 500 random documents alike, type for type', async () => {
    const docs = fc
      .sample(documentArb, { numRuns: 500, seed: 23 })
      .map((d, i) => ({ _id: `d-${String(i).padStart(4, '0')}`, ...d }));
    const updates = fc.sample(fc.tuple(fc.constantFrom(...KEYS), value), { numRuns: 150, seed: 5 });
    // Filters on each key: equality with a value, existence, and a range (read by ToDocument too).
    const filters = fc
      .sample(fc.tuple(fc.constantFrom(...KEYS), value), { numRuns: 40, seed: 7 })
      .flatMap(([k, v]) => [{ [k]: v }, { [k]: { $exists: true } }, { [k]: { $gte: new Int32(0) } }]);

    const answers = await Promise.all(
      pair().map(async (c) => {
        const coll = c.db('bson').collection<{ _id: string }>('docs');
        await coll.insertMany(docs.map((d) => ({ ...d })));
        for (const [i, [key, v]] of updates.entries())
          await coll.updateOne({ _id: `d-${String(i * 3).padStart(4, '0')}` }, {
            $set: { [`nested.${key}`]: v, touched: new Int32(i) },
          } as never);
        const found: string[] = [];
        for (const filter of filters) found.push(await find(c, filter));
        return { all: await find(c, {}), found };
      }),
    );
    const [fast, original] = answers;
    expect(fast!.all).toEqual(original!.all);
    expect(fast!.found).toEqual(original!.found);
    // Every document came back, and the filters found something to compare.
    expect((JSON.parse(fast!.all) as unknown[]).length).toBe(500);
    expect(fast!.found.filter((f) => f !== '[]').length).toBeGreaterThan(20);
  }, 120_000);

  it('refuses a NaN on both, anywhere in a document, and stores nothing', async () => {
    for (const c of pair()) {
      const coll = c.db('bson').collection<{ _id: string; x?: Double; a?: unknown }>('nan');
      await expect(coll.insertOne({ _id: 'top', x: new Double(Number.NaN) })).rejects.toThrow();
      await expect(coll.insertOne({ _id: 'deep', a: [{ b: new Double(Number.NaN) }] })).rejects.toThrow();
      await coll.insertOne({ _id: 'fine', x: new Double(1.5) });
      expect(await coll.find({}).toArray()).toEqual([{ _id: 'fine', x: 1.5 }]);
    }
  }, 60_000);
});
