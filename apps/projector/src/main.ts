/**
 * The projector's own process (DESIGN.md "Processes"): `npm run start:projector`, against shared
 * stores (EVENT_STORE_URL=postgres://…; MONGODB_URI, or a local FerretDB under DATA_DIR). It runs
 * the projections whose leases it can take and the supervision loop; any number may run side by
 * side. With the embedded PGlite store, `npm start` runs all of this inside the API's process
 * instead (PGlite is one process's).
 */
import { redactingLogOptions } from '#infra/logging/personal-data-redaction.js';
import { projectorView, protectPersonalData } from '#infra/personal-data/protect-personal-data.js';
import { loadConfigOrExit } from '#infra/config/app-config.js';
import { createClock, ManualClock } from '#infra/clock/clock.js';
import { manualClockStart } from '#infra/clock/manual-clock-start.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { openReadStore } from '#infra/read-store/read-store.js';
import { pino } from 'pino';
import { notificationSettingsOrExit } from './notifications/notification-settings.js';
import { startConfiguredNotifications } from './notifications/start-notifications.js';
import { startProjector } from './start-projector.js';
import { createSupervision } from './supervision/create-supervision.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const notificationSettings = notificationSettingsOrExit(process.env);
  const logger = pino({ ...redactingLogOptions, level: config.logLevel, base: { process: 'projector' } });
  const clock = createClock(config.clock, config.clockStart);
  const store = await createEventStore(config.eventStoreUrl, {
    dataDir: config.dataDir,
    clock: () => new Date(clock.now()),
  });
  // As the API does (apps/api/src/runtime/open-runtime.ts): never behind the store's latest event.
  if (clock instanceof ManualClock)
    clock.set((await manualClockStart(store, config.clockStart, clock.now())).at);
  const readStore = await openReadStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  // I2: identifiers reach the projections masked, so the read models never hold them.
  const projector = startProjector(projectorView(protectPersonalData(store, config)), readStore.db, {
    logger,
  });
  // E2: the notifier reads with its own checkpoint; any number of processes deliver each notification once.
  const notifications = await startConfiguredNotifications(store, readStore.db, logger, notificationSettings);

  const configuration = new ConfigurationCache(store, logger, config.configurationPollMs);
  await configuration.start();
  const supervision = createSupervision({
    store,
    db: readStore.db,
    configuration,
    clock,
    logger,
    awaitViews: () => projector.whenCaughtUp(),
    options: { intervalMs: config.supervisionIntervalMs },
  });
  await supervision.prepare();
  supervision.loop.start();
  logger.info(
    { readStore: readStore.kind, eventStore: config.eventStoreUrl ? 'configured' : 'pglite' },
    'projector started',
  );

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await supervision.loop.stop();
    await notifications?.stop();
    await projector.stop();
    await configuration.onApplicationShutdown();
    await readStore.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

await main();
