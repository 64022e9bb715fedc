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
import { createApiLogger } from '../../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../../apps/api/src/runtime/open-runtime.js';
import type { RunningProjector } from '../../../apps/projector/src/start-projector.js';
import { serveTestApi, type TestApi } from '../../api/support/api-harness.js';
import {
  openTestStore,
  startInProcessProjector,
  testConfig,
  TEST_START,
  type StoreKind,
} from '../../support/api-stand.js';

/** One page of a paged view (GET /cases, /views/overdue, /views/cards …) as the API answers it. */
export interface ViewPage<Item = Record<string, unknown>> {
  items: Item[];
  nextCursor: string | null;
}

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
  const {
    clock,
    store,
    close: closeStore,
  } = await openTestStore(options.store ?? 'pglite', options.start ?? TEST_START);
  const config = testConfig();
  const views = await startInProcessProjector(store, config, 'views_test');
  const { db, projector } = views;
  const baseRuntime = await openRuntime(config, { store, clock, logger: createApiLogger('error') });
  // As `npm start` builds it: the API's module serves the views when given the read store.
  const runtime = { ...baseRuntime, readStoreDb: db, projectionWaitMs: options.projectionWaitMs ?? 5_000 };
  const api = await serveTestApi(runtime, { store, clock });

  return {
    ...api,
    db,
    projector,
    viewsCaughtUp: () => projector.whenCaughtUp(),
    async close() {
      await api.app.close();
      await views.close();
      await closeStore();
    },
  };
}
