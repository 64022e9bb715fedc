/**
 * The local FerretDB build's fast sjson codec (build 12, scripts/ferretdb/gsc_fast*.go) through the
 * real driver: random documents of every BSON type FerretDB stores (nested documents and arrays,
 * int32, int64, doubles with -0 and extremes, strings with escapes, control characters and CJK,
 * dates, ObjectIds, binaries, timestamps, regular expressions, booleans, null) written, updated and
 * read back by two servers, one with the fast codec and one with FerretDB's own
 * (GSC_FERRETDB_FASTCODEC=off): the same documents, type for type (canonical Extended JSON). The
 * build itself compares the two codecs on 20,000 documents in Go before building (ensure-ferretdb.sh).
 */
import fc from 'fast-check';
import { BSON, Int32 } from 'mongodb';
import { useFerretDbPair } from './support/ferretdb-pair.js';
import { documentArb, element, KEYS, value } from './support/random-documents.js';

describe('FerretDB fast sjson codec (local build 12): the same documents as FerretDB’s own codec', () => {
  const pair = useFerretDbPair('sjson-codec-', { GSC_FERRETDB_FASTCODEC: 'off' });

  /** Each server's documents, sorted by _id, as canonical Extended JSON (BSON types kept as such). */
  const readBoth = (name: string): Promise<string[]> =>
    Promise.all(
      pair().map(async (c) =>
        BSON.EJSON.stringify(
          await c
            .db('codec')
            .collection(name)
            .find({}, { bsonRegExp: true, promoteValues: false })
            .sort({ _id: 1 })
            .toArray(),
          {
            relaxed: false,
          },
        ),
      ),
    );

  it('writes, updates and reads back 600 random documents alike, type for type', async () => {
    const docs = fc
      .sample(documentArb, { numRuns: 600, seed: 2026 })
      .map((d, i) => ({ _id: `d-${String(i).padStart(4, '0')}`, ...d }));
    for (const c of pair())
      await c
        .db('codec')
        .collection<{ _id: string }>('docs')
        .insertMany(docs.map((d) => ({ ...d })));
    const [fast, original] = await readBoth('docs');
    expect(fast).toEqual(original);
    // Every document came back, with every field it was sent with.
    const back = JSON.parse(fast!) as Record<string, unknown>[];
    expect(back.map((d) => Object.keys(d).sort())).toEqual(docs.map((d) => Object.keys(d).sort()));

    // Updates decode and encode again: $set of nested values, $inc, $unset, $push.
    const updates = fc.sample(fc.tuple(fc.constantFrom(...KEYS), value, element), {
      numRuns: 200,
      seed: 19,
    });
    for (const c of pair()) {
      const coll = c.db('codec').collection('docs');
      for (const [i, [key, v, pushed]] of updates.entries()) {
        const _id = `d-${String(i * 3).padStart(4, '0')}`;
        await coll.updateOne({ _id } as never, { $set: { [`nested.${key}`]: v, touched: new Int32(i) } });
        await coll.updateOne({ _id } as never, { $inc: { touched: new Int32(1) }, $unset: { z: '' } });
        await coll.updateOne({ _id } as never, { $push: { log: pushed } } as never);
      }
    }
    const [fastAfter, originalAfter] = await readBoth('docs');
    expect(fastAfter).toEqual(originalAfter);
    expect(fastAfter).not.toEqual(fast);
  }, 120_000);
});
