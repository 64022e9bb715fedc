/**
 * Starts the projector in this process (DESIGN.md "Processes"): with the embedded PGlite store the
 * API, the projector and supervision share one process, so `npm start` calls this; the projector's
 * own process (main.ts) calls it too.
 *
 *   const projector = startProjector(store, db, { logger });
 *   await projector.whenCaughtUp();       // every event recorded so far is in the views
 *   await projector.whenRebuildsDone();   // read models built by older code are rebuilt and swapped in
 *   await projector.stop();
 *
 * A projection whose live checkpoint records another version than its code's is rebuilt beside the
 * live one, in the background (versions/version-rebuilds.ts).
 */
import type { Db } from 'mongodb';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { READ_MODEL_PROJECTIONS, selectProjections } from './projections/projector-projections.js';
import type { Projection } from './projection/projection.js';
import { ProjectionRunner } from './runner/projection-runner.js';
import {
  defaultOwner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './runner/runner-options.js';
import { ProjectionWorker, type WorkerOptions } from './runner/projection-worker.js';
import { assertVersions } from './versions/version-change.js';
import { startVersionRebuilds, type VersionRebuildStatus } from './versions/version-rebuilds.js';

export interface StartProjectorOptions extends ProjectionRunnerOptions, WorkerOptions {
  /** Names of the projections to run; default all. */
  readonly only?: readonly string[];
  /** Replaces the default set (tests). */
  readonly projections?: readonly Projection[];
}

export interface ProjectorStatus extends ProjectionStatus {
  /** Set while the projection is rebuilt because its version changed; the live one still answers. */
  readonly versionRebuild?: VersionRebuildStatus;
}

export interface RunningProjector {
  readonly runner: ProjectionRunner;
  /** Resolves once every event recorded before the call is applied to the views this process owns. */
  whenCaughtUp(): Promise<void>;
  /**
   * Resolves once the projections found at start to be built by another version are rebuilt and
   * swapped in (here or by another projector); at once when there were none.
   */
  whenRebuildsDone(): Promise<void>;
  status(): ProjectorStatus[];
  stop(): Promise<void>;
}

export function startProjector(
  store: EventStore,
  db: Db,
  options: StartProjectorOptions = {},
): RunningProjector {
  const projections = selectProjections(options.projections ?? READ_MODEL_PROJECTIONS, options.only ?? []);
  assertVersions(projections);
  const owner = options.owner ?? defaultOwner();
  const workers = projections.map((p) => new ProjectionWorker(p, db, undefined, options));
  const runner = new ProjectionRunner(store, db, workers, { ...options, owner }).start();
  // Under an owner of its own: the rebuild must be handed the live lease by this process's runner.
  const rebuilds = startVersionRebuilds(store, db, projections, {
    owner: `${owner}/version-rebuild`,
    leaseTtlMs: options.leaseTtlMs,
    retryMs: options.leaseRetryMs,
    batchSize: options.batchSize,
    cacheSize: options.cacheSize,
    logger: options.logger,
  });
  return {
    runner,
    whenCaughtUp: () => runner.whenCaughtUp(),
    whenRebuildsDone: () => rebuilds.done,
    status: () =>
      runner.status().map((s) => {
        const versionRebuild = rebuilds.statusOf(s.checkpointId);
        return versionRebuild ? { ...s, versionRebuild } : s;
      }),
    async stop() {
      await rebuilds.stop();
      await runner.stop();
    },
  };
}
