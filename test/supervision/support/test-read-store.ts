/**
 * A read store for the supervision suites: a FerretDB on a free port (the bench's launcher; the
 * projector's test launcher may replace it), one fresh database per suite.
 */
import { randomBytes } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { startBenchReadStore } from '../../../bench/supervision/ferretdb-process.js';

export interface TestReadStore {
  readonly db: Db;
  close(): Promise<void>;
}

export async function startTestReadStore(): Promise<TestReadStore> {
  const server = await startBenchReadStore();
  const client = await MongoClient.connect(server.uri);
  const db = client.db(`supervision_test_${randomBytes(4).toString('hex')}`);
  return {
    db,
    async close() {
      await db.dropDatabase().catch(() => undefined);
      await client.close();
      await server.stop();
    },
  };
}
