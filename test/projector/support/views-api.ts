/**
 * The API with the views over the projector's read models, in-process for the HTTP tests: PGlite in
 * a temporary folder (or, with `store: 'postgres'`, a fresh database on PG_TEST_URL), a FerretDB of
 * the suite's own, the projector in the same process (as `npm start` runs it), CLOCK=manual; the application is createApiApplication's with the read store, as
 * `npm start` builds it (GET /cases/{id} from the view). Answers the `TestApi` of test/api/support,
 * so the case fixtures there work unchanged.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Db } from 'mongodb';
import { parseInstant } from '#domain/calendar/index.js';
import { ManualClock } from '#infra/clock/clock.js';
import { loadConfig } from '#infra/config/app-config.js';
import { projectorView, protectPersonalData } from '#infra/personal-data/protect-personal-data.js';
import { createApiApplication } from '../../../apps/api/src/api-application.js';
import { createApiLogger } from '../../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../../apps/api/src/runtime/open-runtime.js';
import { startProjector, type RunningProjector } from '../../../apps/projector/src/start-projector.js';
import {
  openTestStore,
  TEST_SECRET,
  TEST_START,
  tokenFor,
  type StoreKind,
  type TestApi,
} from '../../api/support/api-harness.js';
import { httpRequest } from '../../support/http-request.js';
import { startTestReadServer } from './test-ferretdb.js';

export interface ViewsApi extends TestApi {
  readonly db: Db;
  readonly app: INestApplication;
  /** The in-process projector (stop it to test the wait for minPosition). */
  readonly projector: RunningProjector;
  /** Resolves once the projector has applied every event recorded so far. */
  viewsCaughtUp(): Promise<void>;
}

export async function startViewsApi(
  options: { start?: string; projectionWaitMs?: number; store?: StoreKind } = {},
): Promise<ViewsApi> {
  const clock = new ManualClock(parseInstant(options.start ?? TEST_START));
  const { store, cleanup } = await openTestStore(options.store ?? 'pglite', clock);
  const config = loadConfig({
    CLOCK: 'manual',
    AUTH_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    CONFIGURATION_POLL_MS: '50',
  });
  const server = await startTestReadServer();
  const readStore = await server.database('views_test');
  const db = readStore.db;
  // As main.ts: the projector reads identifiers masked (I2), the API decrypted.
  const projector = startProjector(projectorView(protectPersonalData(store, config)), db, {
    idlePollMs: 20,
    leaseRetryMs: 100,
  });
  const runtime = await openRuntime(config, { store, clock, logger: createApiLogger('error') });

  const createApp = async (): Promise<{ app: INestApplication; url: string }> => {
    // As `npm start` builds it: the API's module serves the views when given the read store.
    const created = await createApiApplication({
      ...runtime,
      readStoreDb: db,
      projectionWaitMs: options.projectionWaitMs ?? 5_000,
    });
    await created.listen(0, '127.0.0.1');
    return { app: created, url: (await created.getUrl()).replace('[::1]', '127.0.0.1') };
  };
  const { app, url } = await createApp();
  const adminToken = await tokenFor('admin');

  const request = httpRequest(url, adminToken);

  return {
    url,
    store,
    clock,
    app,
    db,
    projector,
    request,
    viewsCaughtUp: () => projector.whenCaughtUp(),
    async secondInstance() {
      const second = await createApp();
      return { url: second.url, close: () => second.app.close() };
    },
    async setClock(iso) {
      const res = await request('POST', '/admin/clock', { now: iso });
      if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async close() {
      await app.close();
      await projector.stop();
      await server.close();
      await store.close();
      await cleanup();
    },
  };
}
