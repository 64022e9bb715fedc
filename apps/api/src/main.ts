/**
 * `npm start` (DESIGN.md "Processes"): one process with the API, the projector and supervision, on
 * the embedded defaults — PGlite under DATA_DIR unless EVENT_STORE_URL names another event store,
 * and a local FerretDB under DATA_DIR (started here, stopped on exit) unless MONGODB_URI names a
 * read store. PGlite belongs to one process, which is why the projector runs in this one.
 * PROJECTOR=off (with EVENT_STORE_URL) serves the API alone, beside `npm run start:projector`
 * processes on the same stores.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig, type AppConfig } from '#infra/config/app-config.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { FerretDbNotInstalled } from '#infra/read-store/ferretdb/ferretdb-binary.js';
import { FerretDbStartFailed } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { openReadStore, type ReadStore } from '#infra/read-store/read-store.js';
import { notificationSettingsOrExit } from '../../projector/src/notifications/notification-settings.js';
import { startConfiguredNotifications } from '../../projector/src/notifications/start-notifications.js';
import { startProjector } from '../../projector/src/start-projector.js';
import { projectorView } from '#infra/personal-data/protect-personal-data.js';
import { createSupervision } from '../../projector/src/supervision/create-supervision.js';
import type { SupervisionLoop } from '../../projector/src/supervision/supervision-loop.js';
import { createApiApplication } from './api-application.js';
import { CONSOLE_PATH } from './console/console-static.js';
import { DOCS_PATH } from './openapi/openapi-document.js';
import { openRuntime } from './runtime/open-runtime.js';

function configOrExit(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function readStoreOrExit(config: AppConfig): Promise<ReadStore> {
  try {
    return await openReadStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  } catch (error) {
    // No Go to build FerretDB, or it would not start: say how to point at a server instead.
    if (error instanceof FerretDbNotInstalled || error instanceof FerretDbStartFailed) {
      console.error(error.message);
      if (error instanceof FerretDbStartFailed)
        console.error('Or set MONGODB_URI to a MongoDB or FerretDB server you already run.');
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = configOrExit();
  const notificationSettings = notificationSettingsOrExit(process.env);
  const runtime = await openRuntime(config);
  const { logger, store, clock } = runtime;
  if (config.auth.kind === 'secret' && config.auth.devDefault)
    logger.warn('AUTH_JWT_SECRET is unset: using the development secret. Never do this in production.');
  if (config.dataKeySecret.devDefault)
    logger.warn(
      'DATA_KEY_SECRET is unset: personal data is encrypted under a development key (I2). Never do this in production.',
    );

  const readStore = await readStoreOrExit(config);
  const inProcess = config.projector === 'in-process';
  // I2: the projector reads identifiers masked, so the read models never hold them.
  const projector = inProcess ? startProjector(projectorView(store), readStore.db, { logger }) : undefined;
  // E2: notifications are sent from the projector's process (here when it runs in this one).
  const notifications = inProcess
    ? await startConfiguredNotifications(store, readStore.db, logger, notificationSettings)
    : undefined;
  // Twice: a read already under way when asked may answer "caught up" without the newest events.
  const viewsCaughtUp = async (): Promise<void> => {
    await projector?.whenCaughtUp();
    await projector?.whenCaughtUp();
  };
  const started: { loop?: SupervisionLoop } = {};
  const app = await createApiApplication({
    ...runtime,
    readStoreDb: readStore.db,
    alertHeartbeatMs: config.alertsHeartbeatMs,
    // POST /admin/clock ticks the loop; it exists before the server takes its first request.
    ...(inProcess && { supervision: { tick: (options) => started.loop!.tick(options) } }),
  });
  if (inProcess) {
    const supervision = createSupervision({
      store,
      db: readStore.db,
      configuration: app.get(ConfigurationCache),
      clock,
      logger,
      awaitViews: viewsCaughtUp,
      options: { intervalMs: config.supervisionIntervalMs },
    });
    await supervision.prepare();
    started.loop = supervision.loop;
    supervision.loop.start();
  }

  // Finding 12: loopback unless HOST says otherwise; the URL printed is the address bound.
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  logger.info(
    {
      url,
      clock: config.clock,
      eventStore: config.eventStoreUrl ? 'configured' : `pglite under ${config.dataDir}`,
      readStore: readStore.kind === 'configured' ? readStore.uri : `local FerretDB at ${readStore.uri}`,
      projector: config.projector,
      ...(inProcess && { supervisionIntervalMs: config.supervisionIntervalMs }),
    },
    inProcess ? 'API, projector and supervision running' : 'API running (projector processes run elsewhere)',
  );
  // Printed plainly as well: the first thing a newcomer looks for.
  console.log(
    `API listening on ${url} — Swagger UI: ${url}/${DOCS_PATH} (OpenAPI: ${url}/${DOCS_PATH}-json) — console: ${url}${CONSOLE_PATH}/`,
  );

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await started.loop?.stop();
    await app.close();
    await notifications?.stop();
    await projector?.stop();
    await readStore.close();
    await store.close();
    // Finding 11: say what was stopped, and what was left running for its owner.
    const local = readStore.localServer;
    logger.info(
      local === undefined
        ? 'stopped'
        : local.owned
          ? `stopped, and the local FerretDB it started (pid ${local.pid})`
          : `stopped; the local FerretDB (pid ${local.pid}) belongs to another process and keeps running`,
    );
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
