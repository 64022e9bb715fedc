/**
 * A projector of one projection for the version suites: short leases and polls, batches of 100,
 * silent unless given a logger; and a build with it (rebuilds done, caught up, stopped).
 */
import type { Db } from 'mongodb';
import { pino, type Logger } from 'pino';
import type { Projection } from '../../../apps/projector/src/projection/projection.js';
import { startProjector, type RunningProjector } from '../../../apps/projector/src/start-projector.js';
import type { TestEventStore } from './test-event-store.js';

export const startTestProjector = (
  events: TestEventStore,
  db: Db,
  projection: Projection,
  logger?: Logger,
): RunningProjector =>
  startProjector(events.store, db, {
    projections: [projection],
    leaseTtlMs: 1_500,
    leaseRetryMs: 100,
    idlePollMs: 20,
    batchSize: 100,
    logger: logger ?? pino({ level: 'silent' }),
  });

/** Builds `db` with `projection` from every event recorded so far, then stops. */
export async function buildWith(
  events: TestEventStore,
  db: Db,
  projection: Projection,
  logger?: Logger,
): Promise<void> {
  const projector = startTestProjector(events, db, projection, logger);
  await projector.whenRebuildsDone();
  await projector.whenCaughtUp();
  await projector.stop();
}
