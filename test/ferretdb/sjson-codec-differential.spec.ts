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
import { Binary, BSON, BSONRegExp, Double, Int32, Long, ObjectId, Timestamp } from 'mongodb';
import { useFerretDbPair } from './support/ferretdb-pair.js';

const KEYS = ['a', 'b', 'n', '名称', '_x', 'k 1', 'deadlineAt', 'z'] as const;

const scalar = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '张三', 'quote " and \\ backslash', 'line\nbreak\ttab', '\u0001\u001f', '\u2028', '😀'),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((n) => new Int32(n)),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((n) => Long.fromBigInt(n)),
  fc
    .oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-0, 0.1, 1e-300, 1.7976931348623157e308, 5e-324, 2 ** 53 + 2),
    )
    .map((x) => new Double(x)),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: -2e12, max: 4e12 }).map((ms) => new Date(ms)),
  fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => new ObjectId(Buffer.from(b))),
  fc
    .tuple(fc.uint8Array({ maxLength: 20 }), fc.constantFrom(0, 4, 5, 128))
    .map(([b, subtype]) => new Binary(Buffer.from(b), subtype)),
  fc
    .tuple(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 1000 }))
    .map(([t, i]) => new Timestamp({ t, i })),
  fc
    .tuple(fc.constantFrom('^a.*', '[0-9]+', 'x'), fc.constantFrom('', 'i', 'ims'))
    .map(([p, o]) => new BSONRegExp(p, o)),
);

// FerretDB 1.x refuses arrays directly inside arrays: an array holds scalars and documents.
const { value, element } = fc.letrec<{ value: unknown; element: unknown; object: Record<string, unknown> }>(
  (tie) => ({
    value: fc.oneof(
      { maxDepth: 4, depthSize: 'small' },
      { weight: 6, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(tie('element'), { maxLength: 4 }) },
      { weight: 1, arbitrary: tie('object') },
    ),
    element: fc.oneof({ maxDepth: 4, depthSize: 'small' }, { weight: 4, arbitrary: scalar }, tie('object')),
    object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
  }),
);

const documentArb = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 });

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
