/**
 * The runner's update of a stored unit document (apps/projector/src/runner/unit-update.ts, issue 19)
 * does what a replace does: random pairs of (stored, next) documents, `next` built from `stored` the
 * way projections build it (fields kept by reference, replaced, removed, added; arrays grown by
 * appending; subdocuments changed inside), with keys safe and unsafe as path segments, dates,
 * nulls, nested arrays. Each stored document is inserted, updated with `unitUpdate` through the
 * driver, and read back: the same as `next` written with `replaceOne`. Against the local FerretDB
 * (or MONGODB_TEST_URL). Also: no path and its prefix in one update, and a case view's next step
 * sends the changed fields of its folded state, not the state.
 */
import fc from 'fast-check';
import type { Collection, Document } from 'mongodb';
import { unitUpdate } from '../../apps/projector/src/runner/unit-update.js';
import { seededRandom } from '#domain/testing/seeded-random.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { startTestReadServer, type TestReadServer } from './support/test-ferretdb.js';

const SAFE_KEYS = ['status', 'state', 'cards', 'level', 'x_1', '_p', 'A'] as const;
// Not path segments: an id with a hyphen, an array-like index, user text, a space. (FerretDB 1.x
// refuses keys with a dot or a leading `$` in stored values: the read models never hold them.)
const UNSAFE_KEYS = ['card-1', '1', '张三', 'a b'] as const;
const T0 = Date.UTC(2026, 2, 2);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 1000 }),
  fc.constantFrom('', 'a', '张'),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: 0, max: 30 }).map((d) => new Date(T0 + d * 86_400_000)),
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SAFE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...UNSAFE_KEYS) },
);
const { value } = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
  value: fc.oneof({ maxDepth: 3, depthSize: 'small' }, leaf, tie('array'), tie('object')),
  // Items are values or subdocuments: FerretDB 1.x stores no array directly inside an array.
  array: fc.array(fc.oneof({ maxDepth: 3, depthSize: 'small' }, leaf, tie('object')), { maxLength: 3 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
}));
/** Top-level fields are the codecs' own names: always safe (unit-update.ts). */
const documentArb = fc.dictionary(fc.constantFrom(...SAFE_KEYS), value, { maxKeys: 5 });

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof Date);

/** FerretDB 1.x stores no array directly inside an array: such an item goes in a subdocument. */
const asItem = (x: unknown): unknown => (Array.isArray(x) ? { A: x } : x);

/** `stored` changed as a projection changes it; unchanged parts stay the same objects. */
function changed(
  stored: unknown,
  rnd: () => number,
  pool: readonly unknown[],
  keys: readonly string[],
): unknown {
  const fresh = (): unknown => pool[Math.floor(rnd() * pool.length)];
  if (Array.isArray(stored)) {
    const r = rnd();
    if (r < 0.4) return [...stored, asItem(fresh()), ...(rnd() < 0.5 ? [asItem(fresh())] : [])];
    if (r < 0.6 && stored.length > 0) return stored.map((item) => asItem(changed(item, rnd, pool, keys)));
    return r < 0.8 ? stored : fresh();
  }
  if (!isObject(stored)) return rnd() < 0.5 ? stored : fresh();
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stored)) {
    const r = rnd();
    if (r < 0.4) next[k] = v;
    else if (r < 0.5) continue;
    else if (r < 0.55) next[k] = undefined;
    else if (r < 0.85) next[k] = changed(v, rnd, pool, keys);
    else next[k] = fresh();
  }
  if (rnd() < 0.3) next[keys[Math.floor(rnd() * keys.length)]!] = fresh();
  return next;
}

/** Every path written, by operator; none may be another's prefix (MongoDB refuses such updates). */
function paths(update: Record<string, unknown>): string[] {
  return Object.values(update).flatMap((fields) => Object.keys(fields as Document));
}
const overlapping = (all: readonly string[]): string[] =>
  all.filter((p, i) => all.some((q, j) => j !== i && (p === q || p.startsWith(`${q}.`))));

interface StringKeyed extends Document {
  _id: string;
}

describe('unitUpdate on a stored document (issue 19)', () => {
  let server: TestReadServer;
  let store: ReadStore;
  let updated: Collection<StringKeyed>;
  let replaced: Collection<StringKeyed>;
  let n = 0;

  beforeAll(async () => {
    server = await startTestReadServer();
    store = await server.database('unit_update');
    updated = store.db.collection<StringKeyed>('updated');
    replaced = store.db.collection<StringKeyed>('replaced');
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  /** Inserts `stored`, updates it to `next` and returns it with `next` replaced in beside it. */
  async function roundTrip(
    stored: Document,
    next: Document,
  ): Promise<{ update: Document; got: unknown; want: unknown }> {
    const _id = `d-${n++}`;
    await updated.insertOne({ ...stored, _id, _position: 'p1' });
    await replaced.insertOne({ ...stored, _id, _position: 'p1' });
    const update = unitUpdate({ ...stored, _id }, { ...next, _id }, 'p2');
    const result = await updated.updateOne({ _id, _position: 'p1' }, update);
    expect(result.matchedCount).toBe(1);
    await replaced.replaceOne({ _id, _position: 'p1' }, { ...next, _position: 'p2' });
    const [got, want] = await Promise.all([updated.findOne({ _id }), replaced.findOne({ _id })]);
    return { update, got, want };
  }

  it('gives what a replace gives, for random documents and changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        documentArb,
        fc.array(value, { minLength: 1, maxLength: 6 }),
        fc.integer(),
        async (stored, pool, seed) => {
          const next = changed(stored, seededRandom(seed), pool, SAFE_KEYS) as Document;
          const { update, got, want } = await roundTrip(stored, next);
          expect(overlapping(paths(update))).toEqual([]);
          expect(got).toStrictEqual(want);
        },
      ),
      {
        numRuns: 150,
        // Found on 2026-12-03: `status` set whole to {status: null} over {'card-1': null}, which
        // FerretDB before build 16 took for no change (test/ferretdb/set-subdocument.spec.ts).
        examples: [[{ status: { 'card-1': null } }, [{ status: null }, {}], -1157766744]],
      },
    );
  }, 300_000);

  it('sends a case view the changed fields of its state, pushes what grew, sets odd keys whole', async () => {
    const card = { cardId: 'k-1', level: 'yellow', issuedAt: T0 };
    const state = {
      status: 'accepted',
      revision: 4,
      matter: { code: 'M-1', name: '营业执照', materials: ['a', 'b'] },
      acceptance: { receiptNo: 'R-1', acceptedAt: T0 },
      cards: [card],
      raisedFlags: [],
    };
    const stored = {
      status: 'accepted',
      deadlineAt: new Date(T0),
      state,
      explanations: { 'k-1': '说明' },
    };
    const next = {
      status: 'completed',
      deadlineAt: new Date(T0),
      state: {
        ...state,
        status: 'completed',
        revision: 5,
        completedAt: T0 + 1,
        cards: [card, { cardId: 'k-2', level: 'red', issuedAt: T0 + 1 }],
        raisedFlags: ['f'],
      },
      explanations: { 'k-1': '说明', 'k-2': '再说明' },
    };
    const { update, got, want } = await roundTrip(stored, next);
    expect(got).toStrictEqual(want);
    expect(update).toEqual({
      $set: {
        status: 'completed',
        'state.status': 'completed',
        'state.revision': 5,
        'state.completedAt': T0 + 1,
        'state.raisedFlags': ['f'],
        explanations: { 'k-1': '说明', 'k-2': '再说明' },
        _position: 'p2',
      },
      $push: { 'state.cards': { $each: [{ cardId: 'k-2', level: 'red', issuedAt: T0 + 1 }] } },
    });
  });
});
