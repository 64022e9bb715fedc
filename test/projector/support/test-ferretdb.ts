/**
 * A FerretDB for a test file (issue 6: "tests start their own on a free port"), with its data in a
 * temporary folder; or, when MONGODB_TEST_URL is set, that server, where each suite uses databases of
 * its own and drops them. Never MONGODB_URI: a test run must not touch the application's server.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { connectReadStore, type ReadStore } from '#infra/read-store/read-store.js';

export interface TestReadServer {
  readonly uri: string;
  /** A read store on a fresh database of this server. */
  database(prefix?: string): Promise<ReadStore>;
  /** Stops the server only (a private one), leaving the clients as they are. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestReadServer(): Promise<TestReadServer> {
  const given = process.env.MONGODB_TEST_URL?.trim() || undefined;
  const dir = given ? undefined : await mkdtemp(join(tmpdir(), 'projector-ferretdb-'));
  const server = given ? undefined : await startLocalFerretDb({ dataDir: dir!, reuseRunning: false });
  const uri = given ?? server!.uri;
  const opened: ReadStore[] = [];
  return {
    uri,
    async database(prefix = 'projector_test') {
      const store = await connectReadStore(uri, `${prefix}_${randomBytes(4).toString('hex')}`);
      opened.push(store);
      return store;
    },
    stop: async () => server?.stop(),
    async close() {
      for (const store of opened) {
        // Only a shared server is cleaned database by database; a private one goes with its folder.
        if (given) await store.db.dropDatabase().catch(() => undefined);
        await store.close().catch(() => undefined);
      }
      await server?.stop();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
