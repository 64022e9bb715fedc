/**
 * The local FerretDB build's SQLite pre-filter and sort/limit pushdown (scripts/ferretdb/
 * gsc_prefilter.go, gsc_sort.go, issue 19; cf. FerretDB issue 1875) never change an answer: random
 * documents (numbers, dates, strings, arrays, arrays holding null, nulls, missing fields, booleans)
 * and random queries (comparisons, $in, equalities with null, $and, $or, the keyset shapes of the
 * read models, sorts, skips and limits) give
 * the same documents with the pushdown on and off (GSC_FERRETDB_PREFILTER=off: FerretDB filters and
 * sorts every document itself, as unpatched). Two collections, both indexed on every field: `docs`
 * mixes types in every field (the sort pushdown must decline: SQLite's order is not MongoDB's
 * there), `typed` keeps each field to one class plus null and missing (the pushdown applies, with
 * a LIMIT when the filter is exact).
 * Skipped against MONGODB_TEST_URL? No: it needs two local servers of this build, so it always
 * starts its own.
 */
import fc from 'fast-check';
import { MongoClient, type Document } from 'mongodb';
import { useFerretDbPair } from './support/ferretdb-pair.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2);
const IDS = Array.from({ length: 400 }, (_, i) => `c-${String(i).padStart(4, '0')}`);

const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 50 }),
  fc.double({ min: -5, max: 50, noNaN: true, noDefaultInfinity: true }),
);
const anyDate = fc.integer({ min: -3, max: 30 }).map((d) => new Date(T0 + d * DAY));
const anyText = fc.constantFrom('', 'a', 'ab', 'b', 'center-1', 'center-2', '张三', '张', 'Z', '10', '9');
/** Mostly the value, sometimes null. */
const orNull = (value: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
/**
 * A field's value: mostly its own type, sometimes another, an array (which may hold null: `{f:
 * null}` matches it), null, or a boolean; the record leaves fields out too (missing).
 */
const fieldValue = (own: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 8, arbitrary: own },
    { weight: 1, arbitrary: fc.array(orNull(own), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false) },
    { weight: 1, arbitrary: fc.oneof(anyNumber, anyDate, anyText) },
  );

const documentArb = fc.record(
  {
    n: fieldValue(anyNumber),
    d: fieldValue(anyDate),
    s: fieldValue(anyText),
    c: fieldValue(anyText),
    u: fieldValue(anyText),
  },
  { requiredKeys: [] },
);

const OPS = ['$eq', '$gt', '$gte', '$lt', '$lte'] as const;
/** Bounds of comparisons and $in lists; null among them (equality with null: missing or null). */
const boundOf: Record<string, fc.Arbitrary<unknown>> = {
  n: orNull(fc.oneof(anyNumber, anyDate)),
  d: orNull(fc.oneof(anyDate, anyNumber)),
  s: orNull(anyText),
  c: orNull(anyText),
  u: orNull(anyText),
  _id: orNull(fc.constantFrom(...IDS.filter((_, i) => i % 7 === 0), 'c-', 'd')),
};
/** `u` is in no index: the build cannot read its types (equality with text is checked per row). */
const fieldArb = fc.constantFrom('n', 'd', 's', 'c', 'u', '_id');
const FIELDS = ['n', 'd', 's', 'c'] as const;

/** One class per field, or null, or missing: the shape of the read models' indexed fields. */
const typedArb = fc.record(
  {
    n: fc.oneof({ weight: 6, arbitrary: anyNumber }, { weight: 1, arbitrary: fc.constant(null) }),
    d: fc.oneof({ weight: 6, arbitrary: anyDate }, { weight: 1, arbitrary: fc.constant(null) }),
    s: fc.oneof({ weight: 6, arbitrary: anyText }, { weight: 1, arbitrary: fc.constant(null) }),
    c: fc.constantFrom('center-1', 'center-2', 'center-3'),
    b: fc.boolean(),
    u: fc.oneof({ weight: 6, arbitrary: anyText }, { weight: 1, arbitrary: fc.constant(null) }),
  },
  { requiredKeys: ['c'] },
);

/** A sort on one to three fields in random directions, ending in _id (a total order). */
const sortArb: fc.Arbitrary<Record<string, 1 | -1>> = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...FIELDS, 'b'), { minLength: 0, maxLength: 3 }),
    fc.array(fc.constantFrom(1 as const, -1 as const), { minLength: 4, maxLength: 4 }),
  )
  .map(([keys, dirs]) => ({
    ...Object.fromEntries(keys.map((k, i) => [k, dirs[i]!])),
    _id: dirs[3]!,
  }));

/** One or two comparison operators on a field, with bounds of the field's. */
const operatorsOf = (field: string): fc.Arbitrary<Document> =>
  fc
    .uniqueArray(fc.constantFrom(...OPS), { minLength: 1, maxLength: 2 })
    .chain((ops) =>
      fc
        .tuple(...ops.map(() => boundOf[field]!))
        .map((bounds) => Object.fromEntries(ops.map((op, i) => [op, bounds[i]]))),
    );

const comparison: fc.Arbitrary<Document> = fieldArb.chain((field) =>
  fc.oneof(
    boundOf[field]!.map((v) => ({ [field]: v })),
    operatorsOf(field).map((ops) => ({ [field]: ops })),
    fc.array(boundOf[field]!, { minLength: 1, maxLength: 4 }).map((list) => ({ [field]: { $in: list } })),
    // A `$type` beside comparisons, as the queries of partial indexes name it (build 19: implied by
    // a date or number bound, nothing otherwise).
    fc
      .tuple(operatorsOf(field), fc.constantFrom('date', 'number', 'string', 'bool', 'null'))
      .map(([ops, type]) => ({ [field]: { $type: type, ...ops } })),
  ),
);

/** An equality with null: plain, $eq, or null in an $in list (with values of the field's or not). */
const nullEquality: fc.Arbitrary<Document> = fieldArb.chain((field) =>
  fc.oneof(
    fc.constant({ [field]: null }),
    fc.constant({ [field]: { $eq: null } }),
    fc
      .array(boundOf[field]!, { maxLength: 3 })
      .map((list) => ({ [field]: { $in: [null, ...list].reverse() } })),
  ),
);

const filterArb: fc.Arbitrary<Document> = fc.letrec((tie) => ({
  filter: fc.oneof(
    { weight: 4, arbitrary: comparison },
    { weight: 1, arbitrary: nullEquality },
    {
      weight: 1,
      arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((l) => ({ $and: l })),
    },
    {
      weight: 1,
      arbitrary: fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((l) => ({ $or: l })),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(comparison, comparison).map(([a, b]) => ({ ...a, ...b })),
    },
    // Matches everything: an auditor's scope beside the query's own conditions (build 18).
    { weight: 1, arbitrary: fc.constant({}) },
  ),
})).filter;

/** The keyset shape the read models use: (d, _id) after a key, below a bound. */
const keysetArb = fc
  .tuple(anyDate, fc.constantFrom(...IDS), anyDate, fc.constantFrom('center-1', 'center-2'))
  .map(([at, id, below, c]): Document => ({
    $and: [
      { c },
      { d: { $type: 'date', $lte: below } },
      { $or: [{ d: { $gt: at } }, { d: at, _id: { $gt: id } }] },
    ],
  }));

describe('FerretDB pre-filter (local build): the same answers with and without it', () => {
  const pair = useFerretDbPair('prefilter-', { GSC_FERRETDB_PREFILTER: 'off' });
  let clients: readonly MongoClient[];

  beforeAll(async () => {
    clients = pair();
    const docs = fc
      .sample(documentArb, { numRuns: IDS.length, seed: 19 })
      .map((d, i) => ({ _id: IDS[i]!, ...d }));
    const typed = fc
      .sample(typedArb, { numRuns: IDS.length, seed: 1875 })
      .map((d, i) => ({ _id: IDS[i]!, ...d }));
    await Promise.all(
      clients.map(async (c) => {
        const db = c.db('prefilter');
        for (const name of ['docs', 'typed']) {
          // The indexes give the fields their SQLite expression and type indexes (gsc_indexes.go).
          await db.collection(name).createIndex({ c: 1, d: 1, _id: 1 });
          await db.collection(name).createIndex({ n: 1, s: 1, b: 1 });
        }
        await db.collection('docs').insertMany(docs as never[]);
        await db.collection('typed').insertMany(typed as never[]);
      }),
    );
  }, 60_000);

  const answers = async (
    filter: Document,
    limit: number,
    sort: Record<string, 1 | -1> = { d: 1, _id: 1 },
    collection = 'docs',
    skip = 0,
  ): Promise<[unknown[], unknown[]]> => {
    const [on, off] = await Promise.all(
      clients.map((c) =>
        c.db('prefilter').collection(collection).find(filter).sort(sort).skip(skip).limit(limit).toArray(),
      ),
    );
    return [on!, off!];
  };

  /**
   * Filters with their sorts from `shapes` over `typed`, limits 1, 5 and 50: identical pages on and
   * off, more than 20 of them not empty (the pushdown with its LIMIT was really exercised).
   */
  const samePagesOverTyped = async (
    shapes: fc.Arbitrary<[Document, Record<string, 1 | -1>]>,
    seed: number,
  ): Promise<void> => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(shapes, fc.constantFrom(1, 5, 50), async ([filter, sort], limit) => {
        const [on, off] = await answers(filter, limit, sort, 'typed');
        expect(on).toEqual(off);
        if (on.length > 0) nonEmpty++;
      }),
      { numRuns: 120, seed },
    );
    expect(nonEmpty).toBeGreaterThan(20);
  };

  it('random filters, sorts and limits: identical documents on and off; some answers empty, some not', async () => {
    let nonEmpty = 0;
    let partial = 0;
    await fc.assert(
      fc.asyncProperty(filterArb, fc.constantFrom(0, 1, 5), async (filter, limit) => {
        const [on, off] = await answers(filter, limit);
        expect(on).toEqual(off);
        if (on.length > 0) nonEmpty++;
        if (on.length > 0 && on.length < IDS.length && limit === 0) partial++;
      }),
      { numRuns: 250, seed: 1875 },
    );
    expect(nonEmpty).toBeGreaterThan(50);
    expect(partial).toBeGreaterThan(30);
  }, 120_000);

  it('the read models’ keyset ranges: identical pages on and off', async () => {
    await fc.assert(
      fc.asyncProperty(keysetArb, async (filter) => {
        const [on, off] = await answers(filter, 10);
        expect(on).toEqual(off);
      }),
      { numRuns: 60, seed: 19 },
    );
  }, 60_000);

  it.each(['docs', 'typed'])(
    'random filters, sorts, skips and limits over %s: identical documents in the same order on and off',
    async (collection) => {
      let nonEmpty = 0;
      await fc.assert(
        fc.asyncProperty(
          filterArb,
          sortArb,
          fc.constantFrom(0, 1, 3, 10),
          fc.constantFrom(0, 0, 2),
          async (filter, sort, limit, skip) => {
            const [on, off] = await answers(filter, limit, sort, collection, skip);
            expect(on).toEqual(off);
            if (on.length > 0) nonEmpty++;
          },
        ),
        { numRuns: 250, seed: 1876 },
      );
      expect(nonEmpty).toBeGreaterThan(50);
    },
    120_000,
  );

  it('exact filters over typed fields (booleans, $in, ranges, keysets): identical pages on and off', async () => {
    const exactArb = fc
      .tuple(
        fc.constantFrom('center-1', 'center-2'),
        fc.boolean(),
        anyDate,
        fc.constantFrom(...IDS),
        fc.array(anyText, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(1 as const, -1 as const),
      )
      .map(([c, b, at, id, texts, dir]): [Document, Record<string, 1 | -1>] => [
        {
          c,
          b,
          s: { $in: texts },
          ...(dir === 1
            ? { $or: [{ d: { $type: 'date', $gt: at } }, { d: at, _id: { $gt: id } }] }
            : { $or: [{ d: { $lt: at } }, { d: at, _id: { $lt: id } }, { d: null }] }),
        },
        { d: dir, _id: dir },
      ]);
    await samePagesOverTyped(exactArb, 50);
  }, 60_000);

  it.each(['docs', 'typed'])(
    'equalities with null (missing, null, arrays holding null) over %s: identical pages on and off',
    async (collection) => {
      const seen = { some: 0, partial: 0 };
      await fc.assert(
        fc.asyncProperty(
          nullEquality,
          fc.option(comparison, { nil: undefined }),
          sortArb,
          fc.constantFrom(0, 1, 5, 50),
          async (nullFilter, other, sort, limit) => {
            const filter = other ? { $and: [nullFilter, other] } : nullFilter;
            const [on, off] = await answers(filter, limit, sort, collection);
            expect(on).toEqual(off);
            if (on.length > 0) seen.some++;
            if (limit === 0 && on.length > 0 && on.length < IDS.length) seen.partial++;
          },
        ),
        { numRuns: 200, seed: 1877 },
      );
      expect(seen.some).toBeGreaterThan(50);
      expect(seen.partial).toBeGreaterThan(10);
    },
    120_000,
  );

  it('the worklist’s read of the cases not yet received (null, statuses, keyset): identical pages on and off', async () => {
    // { ..., receivedAt: null, status: {$in}, _id: {$lt} } sorted {receivedAt: 1, _id: -1}
    // (apps/api worklist-query.ts; status in no index, as `u`): pushed down exact, with its LIMIT.
    const notReceivedArb = fc
      .tuple(
        fc.constantFrom('center-1', 'center-2'),
        fc.constantFrom('n', 'd'),
        fc.array(anyText, { minLength: 1, maxLength: 4 }),
        fc.option(fc.constantFrom(...IDS), { nil: undefined }),
      )
      .map(([c, field, texts, id]): [Document, Record<string, 1 | -1>] => [
        {
          $and: [{ c }, { [field]: null, u: { $in: texts }, ...(id !== undefined && { _id: { $lt: id } }) }],
        },
        { [field]: 1, _id: -1 },
      ]);
    await samePagesOverTyped(notReceivedArb, 2026);
  }, 60_000);
});
