/**
 * One document's update is atomic on MongoDB: a filter is checked and the change applied as one
 * step, whatever other clients do at the same moment. The projector's leases rely on it
 * (apps/projector/src/runner/projection-lease.ts: "take it when free", "hand it over while the
 * request stands"), and so does every guarded write. FerretDB 1.24.2 reads and writes an update in
 * separate steps, so two clients could both see the old document and both write: a lost update, or
 * two owners of one lease. The local build serialises the read-modify-write commands (update and
 * findAndModify) per collection (scripts/ferretdb/gsc_atomic_update.go, build 10). Through the real
 * driver, with many connections at once; MONGODB_TEST_URL runs it against another server.
 */
import { MongoClient, type Collection } from 'mongodb';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';

interface Counter {
  _id: string;
  n: number;
}
interface Lease {
  _id: string;
  owner: string | null;
}

let server: TestReadServer;
/** Several clients, each with its own connection pool: concurrency as between processes. */
const clients: MongoClient[] = [];
const CLIENTS = 4;
let dbName: string;

beforeAll(async () => {
  server = await startTestReadServer();
  const { db } = await server.database('atomic_update');
  dbName = db.databaseName;
  for (let i = 0; i < CLIENTS; i++) clients.push(await new MongoClient(server.uri).connect());
  await db.collection<Counter>('counters').insertOne({ _id: 'c', n: 0 });
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

const collectionOf = <T extends { _id: string }>(i: number, name: string): Collection<T> =>
  clients[i % CLIENTS]!.db(dbName).collection<T>(name);

it('200 concurrent $inc on one document, through update and findAndModify: none lost', async () => {
  await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? collectionOf<Counter>(i, 'counters').updateOne({ _id: 'c' }, { $inc: { n: 1 } })
        : collectionOf<Counter>(i, 'counters').findOneAndUpdate({ _id: 'c' }, { $inc: { n: 1 } }),
    ),
  );
  expect((await collectionOf<Counter>(0, 'counters').findOne({ _id: 'c' }))!.n).toBe(200);
});

it('a free lease taken by 12 clients at once has one owner, and only that client is told it has it', async () => {
  for (let round = 0; round < 10; round++) {
    const id = `lease-${round}`;
    await collectionOf<Lease>(0, 'leases').insertOne({ _id: id, owner: null });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 0
          ? collectionOf<Lease>(i, 'leases')
              .updateOne({ _id: id, owner: null }, { $set: { owner: `p${i}` } })
              .then((r) => (r.modifiedCount === 1 ? `p${i}` : undefined))
          : collectionOf<Lease>(i, 'leases')
              .findOneAndUpdate(
                { _id: id, owner: null },
                { $set: { owner: `p${i}` } },
                { returnDocument: 'after' },
              )
              .then((doc) => doc?.owner ?? undefined),
      ),
    );
    const winners = answers.filter((a) => a !== undefined);
    const stored = await collectionOf<Lease>(0, 'leases').findOne({ _id: id });
    expect(winners).toEqual([stored!.owner]);
  }
});
