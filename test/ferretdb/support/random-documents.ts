/**
 * Random documents of every BSON type FerretDB stores, for the differential suites of the local
 * build's codecs (sjson-codec-differential.spec.ts, bson-read-differential.spec.ts).
 */
import fc from 'fast-check';
import { Binary, BSONRegExp, Double, Int32, Long, ObjectId, Timestamp } from 'mongodb';

export const KEYS = ['a', 'b', 'n', '名称', '_x', 'k 1', 'deadlineAt', 'z'] as const;

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
export const { value, element } = fc.letrec<{
  value: unknown;
  element: unknown;
  object: Record<string, unknown>;
}>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { weight: 6, arbitrary: scalar },
    { weight: 1, arbitrary: fc.array(tie('element'), { maxLength: 4 }) },
    { weight: 1, arbitrary: tie('object') },
  ),
  element: fc.oneof({ maxDepth: 4, depthSize: 'small' }, { weight: 4, arbitrary: scalar }, tie('object')),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
}));

export const documentArb = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 });
