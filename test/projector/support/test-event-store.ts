/**
 * Event stores for the projector's suites: PGlite in a temporary folder (one process), or a fresh
 * PostgreSQL database on PG_TEST_URL (default the local server) that child processes can share;
 * both with a clock the generator moves (append-planned.ts).
 */
import { rm } from 'node:fs/promises';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { SteppingClock } from '../../../bench/projector/append-planned.js';
import { scratchPostgresDatabase } from '../../../bench/support/scratch-postgres.js';
import { freshPgliteDir } from '../../support/pglite-template.js';

export interface TestEventStore {
  readonly store: EventStore;
  readonly clock: SteppingClock;
  /** EVENT_STORE_URL for a child process (PostgreSQL only). */
  readonly url: string;
  close(): Promise<void>;
}

export async function pgliteEventStore(): Promise<TestEventStore> {
  const dir = await freshPgliteDir('projector-events-');
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
  const database = await scratchPostgresDatabase('projector_test');
  const clock = new SteppingClock();
  const store = await createEventStore(database.url, { clock: clock.now, pollIntervalMs: 50 });
  return {
    store,
    clock,
    url: database.url,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}
