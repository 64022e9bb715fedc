/**
 * A PostgreSQL database of a bench's or a test suite's own, `<prefix>_<hex>` on the server of
 * PG_TEST_URL (default the local one, trust auth) or the one named, for a store that child processes
 * can share; dropped with its connections.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const DEFAULT_SERVER = (): string => process.env.PG_TEST_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  /** Its name on the server. */
  readonly name: string;
  /** Its connection URL (EVENT_STORE_URL). */
  readonly url: string;
  drop(): Promise<void>;
}

export async function scratchPostgresDatabase(
  prefix: string,
  server: string = DEFAULT_SERVER(),
): Promise<ScratchDatabase> {
  const database = `${prefix}_${randomBytes(6).toString('hex')}`;
  await admin(server, `CREATE DATABASE ${database}`);
  const url = new URL(server);
  url.pathname = `/${database}`;
  return {
    name: database,
    url: url.toString(),
    drop: () => admin(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}
