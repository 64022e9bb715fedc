/**
 * `npm run rebuild -- [projection…]`: rebuilds read models beside the live ones, then swaps them in
 * (rebuild-projections.ts). Progress on stderr: a bar on a terminal, plain lines otherwise.
 *
 * Against the embedded PGlite store, stop `npm start` first: PGlite belongs to one process. Against
 * PostgreSQL (EVENT_STORE_URL), run it while the API and projectors run.
 * Tunables: PROJECTOR_LEASE_TTL_MS (default 15000), PROJECTOR_BATCH_SIZE (default 5000).
 */
import { redactingLogOptions } from '#infra/logging/personal-data-redaction.js';
import { loadConfigOrExit } from '#infra/config/app-config.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { projectorView, protectPersonalData } from '#infra/personal-data/protect-personal-data.js';
import { openReadStore } from '#infra/read-store/read-store.js';
import { pino } from 'pino';
import { UnknownProjection } from '../projections/projector-projections.js';
import { createProgressReporter } from './progress-reporter.js';
import { rebuildProjections } from './rebuild-projections.js';

const positiveInt = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined;

async function main(): Promise<void> {
  const config = loadConfigOrExit(process.env);
  const names = process.argv.slice(2).filter((a) => a !== '--');
  const logger = pino({
    ...redactingLogOptions,
    level: config.logLevel === 'info' ? 'warn' : config.logLevel,
    base: { process: 'rebuild' },
  });
  const store = await createEventStore(config.eventStoreUrl, { dataDir: config.dataDir });
  const readStore = await openReadStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir });
  try {
    // I2: identifiers reach the projections masked, as in the live projector.
    const report = await rebuildProjections(projectorView(protectPersonalData(store, config)), readStore.db, {
      names,
      logger,
      progress: createProgressReporter(process.stderr),
      leaseTtlMs: positiveInt(process.env.PROJECTOR_LEASE_TTL_MS),
      batchSize: positiveInt(process.env.PROJECTOR_BATCH_SIZE),
    });
    console.log(`rebuilt ${report.projections.join(', ')} in ${report.seconds.toFixed(1)} s`);
  } catch (error) {
    if (error instanceof UnknownProjection) {
      console.error(error.message);
      process.exitCode = 2;
    } else throw error;
  } finally {
    await readStore.close();
    await store.close();
  }
}

await main();
