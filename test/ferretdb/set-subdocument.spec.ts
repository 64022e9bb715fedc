/**
 * `$set` of a subdocument replaces the stored one whenever the two differ, keys included, as on
 * MongoDB. FerretDB 1.24.2 took a subdocument holding the same values under other keys for "no
 * change" and left the field as it was (its types.Identical compared values, not keys: fix 16 of
 * scripts/ensure-ferretdb.sh, build 16). The projector sets such subdocuments whole
 * (apps/projector/src/runner/unit-update.ts: a subdocument keyed by ids is never a path), and
 * test/projector/unit-update.spec.ts's random documents found the fault. Through the real driver:
 * updateOne, findOneAndUpdate and bulkWrite; MONGODB_TEST_URL runs it against another server.
 */
import type { Collection, Document } from 'mongodb';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';

interface Doc {
  _id: string;
  f: unknown;
}

/** Stored, then set: every pair differs in its keys alone, or in what the values are. */
const CHANGES: readonly (readonly [unknown, unknown])[] = [
  [{ x: 1 }, { a: 1 }],
  [{ x: null }, { a: null }],
  [{ 'card-1': null }, { status: null }],
  [{ 'win-3': 1 }, { 'win-4': 1 }],
  [
    { x: 1, y: 2 },
    { y: 1, x: 2 },
  ],
  [
    { x: 1, y: 2 },
    { y: 2, x: 1 },
  ],
  [{ x: { a: 1 } }, { x: { b: 1 } }],
  [[{ x: 1 }], [{ a: 1 }]],
];

let server: TestReadServer;
let docs: Collection<Doc>;
let n = 0;

beforeAll(async () => {
  server = await startTestReadServer();
  docs = (await server.database('set_subdocument')).db.collection<Doc>('docs');
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const stored = async (f: unknown): Promise<string> => {
  const _id = `d-${n++}`;
  await docs.insertOne({ _id, f });
  return _id;
};
const fieldOf = async (_id: string): Promise<unknown> => (await docs.findOne({ _id }))?.f;

it.each(CHANGES)('f: %j, $set to %j, is set, through updateOne', async (before, after) => {
  const _id = await stored(before);
  const result = await docs.updateOne({ _id }, { $set: { f: after } });
  expect(result.modifiedCount).toBe(1);
  expect(await fieldOf(_id)).toEqual(after);
});

it('sets it through findOneAndUpdate and bulkWrite too (the projector writes with both)', async () => {
  for (const [before, after] of CHANGES) {
    const one = await stored(before);
    const answer = await docs.findOneAndUpdate(
      { _id: one },
      { $set: { f: after } },
      { returnDocument: 'after' },
    );
    expect(answer?.f).toEqual(after);
    const other = await stored(before);
    const bulk = await docs.bulkWrite([
      { updateOne: { filter: { _id: other }, update: { $set: { f: after } } } },
    ]);
    expect(bulk.modifiedCount).toBe(1);
    expect(await fieldOf(other)).toEqual(after);
  }
});

it('a subdocument set to what is stored, keys and values alike, changes nothing (modifiedCount 0)', async () => {
  const value: Document = { x: 1, y: { a: null } };
  const _id = await stored(value);
  const result = await docs.updateOne({ _id }, { $set: { f: { x: 1, y: { a: null } } } });
  expect(result.modifiedCount).toBe(0);
  expect(await fieldOf(_id)).toEqual(value);
});
