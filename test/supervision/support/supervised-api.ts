/**
 * The API as `npm start` runs it, in-process for the HTTP tests: PGlite in a temporary folder, the
 * projector and the supervision loop on a FerretDB of the suite's own (the read store; due cases
 * from `case_views`, the C6 ledger, the audit views), CLOCK=manual (POST /admin/clock waits for the
 * projector, then runs a supervision tick before it answers) and a short alert heartbeat.
 * `readStore: 'none'` runs supervision on test doubles of its read-store ports instead.
 * Answers the `TestApi` of test/api/support, so the case fixtures there work unchanged; its reads of
 * the views first wait for the projector, as a client passing `minPosition` would.
 */
import 'reflect-metadata';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { Db } from 'mongodb';
import { createApiApplication } from '../../../apps/api/src/api-application.js';
import { createApiLogger } from '../../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../../apps/api/src/runtime/open-runtime.js';
import { CaseSupervisor } from '../../../apps/projector/src/supervision/case-supervisor.js';
import { createSupervision } from '../../../apps/projector/src/supervision/create-supervision.js';
import { LateCompletionCheck } from '../../../apps/projector/src/supervision/late-completion-check.js';
import { SupervisionLoop } from '../../../apps/projector/src/supervision/supervision-loop.js';
import { tokenFor, type TestApi } from '../../api/support/api-harness.js';
import {
  clockMover,
  openTestStore,
  secondApi,
  startInProcessProjector,
  testConfig,
  TEST_START,
} from '../../support/api-stand.js';
import { httpRequest } from '../../support/http-request.js';
import { InMemoryCompletionLedger } from './in-memory-completion-ledger.js';
import { InMemoryDueCases } from './in-memory-due-cases.js';

export interface SupervisedApiOptions {
  readonly start?: string;
  readonly heartbeatMs?: number;
  /** `projector` (default): FerretDB, the projector in-process, supervision on the read store. */
  readonly readStore?: 'projector' | 'none';
  /** Where the API and the projector log (JSON lines, level info); default errors only, nowhere. */
  readonly log?: NodeJS.WritableStream;
}

export interface SupervisedApi extends TestApi {
  readonly loop: SupervisionLoop;
  readonly configuration: ConfigurationCache;
  /** The read store's database (undefined with `readStore: 'none'`). */
  readonly db: Db | undefined;
  /** Resolves once the projector has applied every event recorded so far. */
  viewsCaughtUp(): Promise<void>;
  /** Another supervision loop on the same store (as in a second projector process). */
  secondLoop(): SupervisionLoop;
  /** Stops the FerretDB under the read store, as a crash of it would (finding 10). */
  stopReadServer(): Promise<void>;
}

export async function startSupervisedApi(options: SupervisedApiOptions = {}): Promise<SupervisedApi> {
  const { clock, store, close: closeStore } = await openTestStore('pglite', options.start ?? TEST_START);
  const config = testConfig();
  const withProjector = (options.readStore ?? 'projector') === 'projector';
  const views = withProjector ? await startInProcessProjector(store, config, 'supervision_test') : undefined;
  const db = views?.db;
  const projector = views?.projector;
  // Twice: a read already under way when asked may finish "caught up" without the latest events;
  // the second wait is answered by a read that began after the first answer, so after the call.
  const viewsCaughtUp = async (): Promise<void> => {
    await projector?.whenCaughtUp();
    await projector?.whenCaughtUp();
  };
  const logger = options.log ? createApiLogger('info', options.log) : createApiLogger('error');
  const runtime = await openRuntime(config, { store, clock, logger });
  const app = await createApiApplication({
    ...runtime,
    alertHeartbeatMs: options.heartbeatMs ?? 200,
    // `loop` is created below, before the first request can reach this.
    supervision: { tick: (o) => loop.tick(o) },
    ...(db && { readStoreDb: db }),
  });
  const configuration = app.get(ConfigurationCache);
  const newLoop = (): SupervisionLoop => {
    if (db) {
      const supervision = createSupervision({ store, db, configuration, clock, awaitViews: viewsCaughtUp });
      return supervision.loop;
    }
    const supervisor = new CaseSupervisor(store, configuration);
    return new SupervisionLoop({
      dueCases: new InMemoryDueCases(store, configuration),
      supervisor,
      clock,
      lateCompletions: new LateCompletionCheck(
        store,
        new InMemoryCompletionLedger(),
        supervisor,
        configuration,
      ),
    });
  };
  if (db) await createSupervision({ store, db, configuration, clock }).prepare();
  const loop = newLoop();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  // GET /cases/{id} and /views/* read the projector's views: these suites read their own writes
  // as a front-end does with `minPosition` (API.md), by first letting the projector catch up.
  const request = httpRequest(url, await tokenFor('admin'), async (method, path) => {
    if (method === 'GET' && /^\/(cases\/[^/?]+(\?|$)|views\/)/.test(path)) await viewsCaughtUp();
  });

  return {
    url,
    store,
    clock,
    app,
    loop,
    configuration,
    db,
    viewsCaughtUp,
    request,
    secondLoop: newLoop,
    stopReadServer: async () => views?.server.stop(),
    secondInstance: () => secondApi({ ...runtime, logger: createApiLogger('error') }),
    setClock: clockMover(request),
    async close() {
      await loop.stop();
      await app.close();
      await views?.close();
      await closeStore();
    },
  };
}
