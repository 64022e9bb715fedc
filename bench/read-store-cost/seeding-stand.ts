/**
 * What queries.ts and worklist-whole.ts seed and read: a temporary folder holding a PGlite event
 * store (`events`, where the configuration the seeding reads lives) and the files of the local
 * FerretDB build (`ferretdb`), which serves database `database` with the case_views indexes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { ensureIndexes } from '#infra/read-store/ensure-index.js';
import { CASE_VIEW_INDEXES } from '#infra/read-store/documents/case-view-document.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';

export interface SeedingStand {
  readonly dir: string;
  readonly store: EventStore;
  readonly configuration: ConfigurationCache;
  readonly db: Db;
  /** Disconnects and stops FerretDB (once), so that its files can be served again or copied. */
  stopReadStore(): Promise<void>;
  /** Stops what still runs and removes the folder. */
  close(): Promise<void>;
}

export async function openSeedingStand(prefix: string, database: string): Promise<SeedingStand> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const store = await createEventStore(`pglite://${join(dir, 'events')}`);
  const configuration = new ConfigurationCache(store, createApiLogger('silent'), 3_600_000);
  await configuration.start();
  const server = await startLocalFerretDb({ dataDir: join(dir, 'ferretdb'), reuseRunning: false });
  const client = await MongoClient.connect(server.uri);
  let stopped = false;
  const stopReadStore = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await client.close();
    await server.stop();
  };
  const stand: SeedingStand = {
    dir,
    store,
    configuration,
    db: client.db(database),
    stopReadStore,
    async close() {
      await stopReadStore();
      await configuration.onApplicationShutdown();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  try {
    await ensureIndexes(stand.db.collection(READ_MODELS.caseViews), CASE_VIEW_INDEXES);
  } catch (error) {
    await stand.close();
    throw error;
  }
  return stand;
}
