/**
 * The read store (DESIGN.md "Read models"): a MongoDB database through the official driver, chosen
 * by MONGODB_URI; unset, a local FerretDB on the SQLite backend under `<DATA_DIR>/ferretdb`, started
 * by this process and stopped by `close()`.
 */
import { join } from 'node:path';
import { MongoClient, type Db, type MongoClientOptions } from 'mongodb';
import { startLocalFerretDb, type LocalFerretDb } from './ferretdb/start-local-ferretdb.js';

export interface ReadStore {
  readonly client: MongoClient;
  readonly db: Db;
  /** `local-ferretdb`: started (or found running) on DATA_DIR; `configured`: MONGODB_URI. */
  readonly kind: 'local-ferretdb' | 'configured';
  /** The server's URI without credentials, for logs and child processes of the tests. */
  readonly uri: string;
  /** `local-ferretdb`: whether this process started it (and `close()` stops it), and its pid. */
  readonly localServer?: { readonly owned: boolean; readonly pid: number };
  close(): Promise<void>;
}

export interface OpenReadStoreOptions {
  /** MONGODB_URI; unset starts a local FerretDB. */
  readonly mongodbUri?: string;
  /** DATA_DIR: the local FerretDB keeps its files in `<dataDir>/ferretdb`. */
  readonly dataDir: string;
  /** Default: the URI's path, else `gov_service_cases`. */
  readonly databaseName?: string;
}

export const DEFAULT_READ_DATABASE = 'gov_service_cases';

/**
 * Driver options every read-store client uses: optional fields left undefined are omitted rather
 * than stored as null (documents compare equal however they were built), and an unreachable
 * server fails an operation within seconds so the projector's backoff takes over.
 */
export const READ_STORE_CLIENT_OPTIONS: MongoClientOptions = {
  ignoreUndefined: true,
  maxPoolSize: 20,
  // Finding 10: a read store that is down answers 503 within a second or two, not after 5 s.
  serverSelectionTimeoutMS: 1_500,
  connectTimeoutMS: 1_500,
};

export async function openReadStore(options: OpenReadStoreOptions): Promise<ReadStore> {
  if (options.mongodbUri) return connectReadStore(options.mongodbUri, options.databaseName, 'configured');
  const server: LocalFerretDb = await startLocalFerretDb({ dataDir: join(options.dataDir, 'ferretdb') });
  try {
    const store = await connectReadStore(server.uri, options.databaseName, 'local-ferretdb');
    return {
      ...store,
      localServer: { owned: server.owned, pid: server.pid },
      async close() {
        await store.close();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Connects to a server that is already running (MONGODB_URI, or a FerretDB a test started). */
export async function connectReadStore(
  uri: string,
  databaseName?: string,
  kind: ReadStore['kind'] = 'configured',
): Promise<ReadStore> {
  const client = new MongoClient(uri, READ_STORE_CLIENT_OPTIONS);
  await client.connect();
  const name = databaseName ?? databaseOf(uri) ?? DEFAULT_READ_DATABASE;
  return {
    client,
    db: client.db(name),
    kind,
    uri: redact(uri),
    close: () => client.close(),
  };
}

function databaseOf(uri: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/]+\/([^?]*)/.exec(uri)?.[1];
  return path ? decodeURIComponent(path) : undefined;
}

function redact(uri: string): string {
  return uri.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
