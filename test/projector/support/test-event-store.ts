/**
 * Event stores for the projector's suites: PGlite in a temporary folder (one process), or a fresh
 * PostgreSQL database on PG_TEST_URL (default the local server) that child processes can share;
 * both with a clock the generator moves (append-planned.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { SteppingClock } from '../../../bench/projector/append-planned.js';

export interface TestEventStore {
  readonly store: EventStore;
  readonly clock: SteppingClock;
  /** EVENT_STORE_URL for a child process (PostgreSQL only). */
  readonly url: string;
  close(): Promise<void>;
}

const ADMIN_URL = (): string => process.env.PG_TEST_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function pgliteEventStore(): Promise<TestEventStore> {
  const dir = await mkdtemp(join(tmpdir(), 'projector-events-'));
  const clock = new SteppingClock();
  const store = await createEventStore(`pglite://${dir}`, { clock: clock.now, pollIntervalMs: 50 });
  return {
    store,
    clock,
    url: `pglite://${dir}`,
    async close() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresEventStore(): Promise<TestEventStore> {
  const database = `projector_test_${randomBytes(6).toString('hex')}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL());
  url.pathname = `/${database}`;
  const clock = new SteppingClock();
  const store = await createEventStore(url.toString(), { clock: clock.now, pollIntervalMs: 50 });
  return {
    store,
    clock,
    url: url.toString(),
    async close() {
      await store.close();
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
