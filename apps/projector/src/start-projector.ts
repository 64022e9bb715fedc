/**
 * Starts the projector in this process (DESIGN.md "Processes"): with the embedded PGlite store the
 * API, the projector and supervision share one process, so `npm start` calls this; the projector's
 * own process (main.ts) calls it too.
 *
 *   const projector = startProjector(store, db, { logger });
 *   await projector.whenCaughtUp();   // every event recorded so far is in the views
 *   await projector.stop();
 */
import type { Db } from 'mongodb';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { projectorProjections, selectProjections } from './projections/projector-projections.js';
import type { AnyProjection } from './projection/projection.js';
import {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './runner/projection-runner.js';
import { createWorker, type WorkerOptions } from './runner/projection-worker.js';

export interface StartProjectorOptions extends ProjectionRunnerOptions, WorkerOptions {
  /** Names of the projections to run; default all. */
  readonly only?: readonly string[];
  /** Replaces the default set (tests). */
  readonly projections?: readonly AnyProjection[];
}

export interface RunningProjector {
  readonly runner: ProjectionRunner;
  /** Resolves once every event recorded before the call is applied to the views this process owns. */
  whenCaughtUp(): Promise<void>;
  status(): ProjectionStatus[];
  stop(): Promise<void>;
}

export function startProjector(
  store: EventStore,
  db: Db,
  options: StartProjectorOptions = {},
): RunningProjector {
  const projections = selectProjections(options.projections ?? projectorProjections(db), options.only ?? []);
  const workers = projections.map((p) => createWorker(p, db, undefined, options));
  const runner = new ProjectionRunner(store, db, workers, options).start();
  return {
    runner,
    whenCaughtUp: () => runner.whenCaughtUp(),
    status: () => runner.status(),
    stop: () => runner.stop(),
  };
}
