/**
 * What the in-process stands share (test/api's startApi, test/projector's startViewsApi,
 * test/supervision's startSupervisedApi): a manual clock and a real event store recording at its
 * time (PGlite in a temporary folder, or a fresh PostgreSQL database `api_test_<hex>` on the server
 * of PG_TEST_URL, dropped afterwards), the test configuration (CLOCK=manual), the projector
 * in-process on a FerretDB of the suite's own, the API listening on loopback, and the clock moved
 * through the API as an admin.
 */
import 'reflect-metadata';
import { rm } from 'node:fs/promises';
import type { INestApplication } from '@nestjs/common';
import type { Db } from 'mongodb';
import { parseInstant } from '#domain/calendar/index.js';
import { ManualClock } from '#infra/clock/clock.js';
import { loadConfig, type AppConfig } from '#infra/config/app-config.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { projectorView, protectPersonalData } from '#infra/personal-data/protect-personal-data.js';
import { createApiApplication } from '../../apps/api/src/api-application.js';
import type { ApiRuntime } from '../../apps/api/src/app.module.js';
import { startProjector, type RunningProjector } from '../../apps/projector/src/start-projector.js';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';
import type { HttpRequest } from './http-request.js';
import { scratchPostgresDatabase } from '../../bench/support/scratch-postgres.js';
import { freshPgliteDir } from './pglite-template.js';

export const TEST_SECRET = 'api-test-secret-至少三十二个字节-0123456789abcdef';
/** Monday 2026-03-02 09:00 in Shanghai: a working day in the built-in calendar. */
export const TEST_START = '2026-03-02T09:00:00+08:00';

export type StoreKind = 'pglite' | 'postgres';

export interface TestStore {
  readonly clock: ManualClock;
  readonly store: EventStore;
  /** Closes the store and removes its folder or drops its database. */
  close(): Promise<void>;
}

/** A manual clock at `start` and a store of `kind` of the suite's own, recording at the clock's time (U2). */
export async function openTestStore(kind: StoreKind, start: string = TEST_START): Promise<TestStore> {
  const clock = new ManualClock(parseInstant(start));
  const options = { clock: () => new Date(clock.now()), pollIntervalMs: 50 };
  if (kind === 'pglite') {
    const dir = await freshPgliteDir('api-test-');
    const store = await createEventStore(`pglite://${dir}`, options);
    return {
      clock,
      store,
      async close() {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  const database = await scratchPostgresDatabase('api_test');
  const store = await createEventStore(database.url, { ...options, maxConnections: 20 });
  return {
    clock,
    store,
    async close() {
      await store.close();
      await database.drop();
    },
  };
}

/** CLOCK=manual, the suite's secret, errors only, the configuration re-read every 50 ms; `env` adds. */
export const testConfig = (env: Record<string, string> = {}): AppConfig =>
  loadConfig({
    CLOCK: 'manual',
    AUTH_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    CONFIGURATION_POLL_MS: '50',
    ...env,
  });

/** The API application of `runtime`, listening on a free loopback port. */
export async function serveApi(runtime: ApiRuntime): Promise<{ app: INestApplication; url: string }> {
  const app = await createApiApplication(runtime);
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** Another API process on the same store (its own caches), as `TestApi.secondInstance` answers it. */
export async function secondApi(runtime: ApiRuntime): Promise<{ url: string; close(): Promise<void> }> {
  const { app, url } = await serveApi(runtime);
  return { url, close: () => app.close() };
}

/** Moves the manual clock through POST /admin/clock (the request's token must be an admin's). */
export const clockMover =
  (request: HttpRequest) =>
  async (iso: string): Promise<void> => {
    const res = await request('POST', '/admin/clock', { now: iso });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
  };

export interface InProcessProjector {
  readonly server: TestReadServer;
  readonly db: Db;
  readonly projector: RunningProjector;
  /** Stops the projector, then the FerretDB and its folder. */
  close(): Promise<void>;
}

/** The projector in this process over a fresh database `<prefix>_<hex>` of a FerretDB of the suite's own. */
export async function startInProcessProjector(
  store: EventStore,
  config: AppConfig,
  prefix: string,
): Promise<InProcessProjector> {
  const server = await startTestReadServer();
  const { db } = await server.database(prefix);
  // As main.ts: the projector reads identifiers masked (I2), the API decrypted.
  const projector = startProjector(projectorView(protectPersonalData(store, config)), db, {
    idlePollMs: 20,
    leaseRetryMs: 100,
  });
  return {
    server,
    db,
    projector,
    async close() {
      await projector.stop();
      await server.close();
    },
  };
}
