import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import pg from 'pg';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { KurrentDbEventStore } from '#infra/event-store/kurrentdb/kurrentdb-event-store.js';
import { openPgliteDatabase } from '#infra/event-store/postgres/pglite-database.js';
import { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import type { SqlDatabase } from '#infra/event-store/postgres/sql-database.js';

export interface ContractStoreOptions {
  readonly clock: () => Date;
  readonly pollIntervalMs: number;
}

/** One store under the contract, with what the suite may do behind its back. */
export interface ContractAdapter {
  readonly name: string;
  open(options: ContractStoreOptions): Promise<EventStore>;
  /** Raw SQL on the store's database, for the U3/U5 tests; absent where there is none (EventStoreDB). */
  readonly sql?: (text: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;
  /** How many LISTEN connections the store holds open (PostgreSQL server only). */
  readonly listeningConnections?: () => Promise<number>;
  /** A second store on the same database, as another process would open it (PostgreSQL server only). */
  readonly openAnother?: (options: ContractStoreOptions) => Promise<EventStore>;
  /** A connection of its own to the store's database, for a transaction held open (PostgreSQL server only). */
  readonly connect?: () => Promise<pg.Client>;
  /** A raw client on the same EventStoreDB, for the U3/U5 tests there (kurrentdb-integrity.ts). */
  readonly rawKurrentClient?: () => KurrentDBClient;
  /** Closes what `open` left and removes its database or folder. */
  dispose(): Promise<void>;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * PostgreSQL server and PGlite always; EventStoreDB only when `EVENTSTORE_TEST_URL` names one
 * (otherwise it is not in the list at all, so nothing is registered or reported for it).
 */
export function contractAdapters(): ContractAdapter[] {
  const adapters = [postgresServer(process.env.PG_TEST_URL || DEFAULT_ADMIN_URL), pglite()];
  const kurrentUrl = process.env.EVENTSTORE_TEST_URL;
  if (kurrentUrl) adapters.push(kurrentDb(kurrentUrl));
  return adapters;
}

/** A database of its own, `es_contract_<hex>`, created and dropped here; no other is touched. */
function postgresServer(adminUrl: string): ContractAdapter {
  const database = `es_contract_${randomBytes(6).toString('hex')}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const storeUrl = url.toString();
  let sqlClient: pg.Client | undefined;
  let created = false;
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL server',
    async open(options) {
      await admin((client) => client.query(`CREATE DATABASE ${database}`));
      created = true;
      const store = await createEventStore(storeUrl, options);
      sqlClient = new pg.Client({ connectionString: storeUrl });
      await sqlClient.connect();
      return store;
    },
    async sql(text, params = []) {
      if (!sqlClient) throw new Error('not open');
      return (await sqlClient.query(text, [...params])).rows as Record<string, unknown>[];
    },
    openAnother: (options) => createEventStore(storeUrl, options),
    async connect() {
      const client = new pg.Client({ connectionString: storeUrl });
      await client.connect();
      return client;
    },
    async listeningConnections() {
      if (!sqlClient) throw new Error('not open');
      const { rows } = await sqlClient.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'`,
        [database],
      );
      return rows[0].n;
    },
    async dispose() {
      await sqlClient?.end();
      if (created) await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}

/** PGlite in a temporary folder; SQL goes through the store's own database (one connection). */
function pglite(): ContractAdapter {
  let dir: string | undefined;
  let db: SqlDatabase | undefined;
  return {
    name: 'PGlite',
    async open(options) {
      dir = await mkdtemp(join(tmpdir(), 'es-contract-pglite-'));
      db = await openPgliteDatabase(dir);
      return PostgresEventStore.open(db, options);
    },
    async sql(text, params = []) {
      if (!db) throw new Error('not open');
      return db.query<Record<string, unknown>>(text, params);
    },
    async dispose() {
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

function kurrentDb(connectionString: string): ContractAdapter {
  let raw: KurrentDBClient | undefined;
  return {
    name: 'EventStoreDB (KurrentDB)',
    async open(options) {
      raw = KurrentDBClient.connectionString(connectionString);
      return KurrentDbEventStore.connect(connectionString, options);
    },
    rawKurrentClient() {
      if (!raw) throw new Error('not open');
      return raw;
    },
    async dispose() {
      await raw?.dispose();
    },
  };
}

/** The names of the adapters with SQL behind them (PostgreSQL server, PGlite): for what only they do (I2, U7). */
export function sqlAdapterNames(): string[] {
  return contractAdapters()
    .filter((a) => a.sql)
    .map((a) => a.name);
}

/**
 * A fresh adapter of sqlAdapterNames() and its store, opened for a suite of `feature` (named in the
 * error should the store not be a SQL one).
 */
export async function openSqlAdapter(
  name: string,
  feature: string,
): Promise<{ readonly adapter: ContractAdapter; readonly store: PostgresEventStore }> {
  const adapter = contractAdapters().find((a) => a.name === name);
  if (!adapter) throw new Error(`no contract adapter named ${name}`);
  // What the adapter made (a database, a folder) goes with it when the store fails to open or is
  // not a SQL one: the suite gets no adapter to dispose of then.
  let opened: EventStore;
  try {
    opened = await adapter.open({ clock: () => new Date(), pollIntervalMs: 1000 });
  } catch (error) {
    await adapter.dispose();
    throw error;
  }
  if (opened instanceof PostgresEventStore) return { adapter, store: opened };
  await opened.close();
  await adapter.dispose();
  throw new Error(`${feature} needs a SQL store; ${name} is not one`);
}
