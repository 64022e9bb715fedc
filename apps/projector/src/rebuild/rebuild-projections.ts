/**
 * `npm run rebuild -- [projection…]` (issue 6): each named projection (all by default) is built from
 * the first event into fresh collections (`<read model>__rebuild`, checkpoint `<name>#rebuild`;
 * `_id` their only index until caught up, then the declared ones are built) while the live ones keep answering and the live projector keeps them current. Once caught up,
 * the rebuild asks the live projector for the projection's lease, applies the last events, and
 * swaps its collections in (swap-rebuilt-collections.ts); the live projector then goes on from the
 * rebuilt checkpoint.
 *
 * A rebuild that is stopped (even by kill -9) resumes from its own checkpoint when run again; one
 * stopped in its swap finishes the swap. Only one rebuild of a projection runs at a time: each
 * claims the projection's `#rebuild` lease first (rebuild-claims.ts), a second one waits for it.
 */
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import { START, type EventStore, type Position } from '#infra/event-store/event-store.port.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import { rebuildCheckpointId, rebuildCollectionName } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../projection/projection.js';
import { READ_MODEL_PROJECTIONS, selectProjections } from '../projections/projector-projections.js';
import { loadCheckpoint, saveCheckpoint } from '../runner/checkpoint-store.js';
import { ProjectionLeases } from '../runner/projection-lease.js';
import { ProjectionRunner } from '../runner/projection-runner.js';
import { defaultOwner, type BatchProgress } from '../runner/runner-options.js';
import { ProjectionWorker, type WorkerTarget } from '../runner/projection-worker.js';
import { countEventsAfter } from './count-events.js';
import type { ProgressReporter } from './progress-reporter.js';
import { RebuildAborted } from './rebuild-aborted.js';
import { RebuildClaims } from './rebuild-claims.js';
import { LeaseKeeper } from '../runner/lease-keeper.js';
import { beginSwap, createDeclaredIndexes, finishSwap } from './swap-rebuilt-collections.js';

export interface RebuildOptions {
  /** Projection names; empty: all. */
  readonly names?: readonly string[];
  readonly projections?: readonly Projection[];
  readonly logger?: Logger;
  readonly progress?: ProgressReporter;
  readonly leaseTtlMs?: number;
  readonly batchSize?: number;
  readonly cacheSize?: number;
  /**
   * This rebuild in the leases (default: a new one). Never a live projector's: the rebuild lets go
   * of every lease its owner holds when it ends.
   */
  readonly owner?: string;
  /** How long to wait for the live projector to hand its lease over; default 2 lease lifetimes + 5 s. */
  readonly handoverTimeoutMs?: number;
  /** Stops the rebuild after the batch in progress (RebuildAborted); it resumes when run again. */
  readonly signal?: AbortSignal;
}

export interface RebuildReport {
  readonly projections: readonly string[];
  /** Events applied by the slowest projection during this run. */
  readonly events: number;
  readonly seconds: number;
  readonly phases: RebuildPhases;
}

/** Where a rebuild's time went, in seconds (the rest: claims, finishing an interrupted swap). */
export interface RebuildPhases {
  /** The events applied to the fresh collections while the live projector goes on. */
  readonly applying: number;
  /** The declared indexes built on the loaded collections. */
  readonly indexing: number;
  /** Under the live leases: the last events, then the swaps. */
  readonly swapping: number;
}

const secondsSince = (start: number): number => (Date.now() - start) / 1000;

export const rebuildTarget = (projection: Projection): WorkerTarget => ({
  checkpointId: rebuildCheckpointId(projection.name),
  collectionName: rebuildCollectionName,
  phase: 'building',
  deferIndexes: true,
});

export async function rebuildProjections(
  store: EventStore,
  db: Db,
  options: RebuildOptions = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const chosen = selectProjections(options.projections ?? READ_MODEL_PROJECTIONS, options.names ?? []);
  const owner = options.owner ?? defaultOwner();
  const ttl = options.leaseTtlMs ?? 15_000;
  const leases = new ProjectionLeases(db, owner, ttl);
  const claims = new RebuildClaims(leases);
  const signal = options.signal;
  /**
   * Live leases taken from the live projector and not yet given back, extended until then: one that
   * expired would go to the live projector, whose worker would finish the swap beside this one (the
   * later rename fails, or an empty fresh collection, made again by createIndexes, is renamed over
   * the live one); the swap is fenced by the lease too (`stillHeld`).
   */
  const liveHeld = new LeaseKeeper(ttl, (name) => leases.extend(name));
  const stillHeld = (name: string) => () => leases.extend(name);
  const takeLive = async (name: string): Promise<void> => {
    await takeOver(leases, name, options.handoverTimeoutMs ?? 2 * ttl + 5_000, signal);
    liveHeld.add(name);
  };
  const releaseLive = async (name: string): Promise<void> => {
    liveHeld.delete(name);
    await leases.release(name);
  };
  const runnerOptions = {
    owner,
    leaseTtlMs: ttl,
    leaseRetryMs: 500,
    stopWhenCaughtUp: true,
    leasesPerRound: Number.POSITIVE_INFINITY,
    batchSize: options.batchSize,
    logger: options.logger,
  };
  /** Runs a rebuild's runner to the end, or stops it with the signal. */
  const runToEnd = async (runner: ProjectionRunner): Promise<void> => {
    // Stopped before this runner began: an abort listener added now would never fire.
    if (signal?.aborted) throw new RebuildAborted();
    const stop = (): void => void runner.stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      await runner.done();
    } finally {
      signal?.removeEventListener('abort', stop);
    }
    if (signal?.aborted) throw new RebuildAborted();
  };

  try {
    // Nothing is touched before every chosen rebuild is ours, in name order (no two rebuilds wait
    // on each other). A version rebuild (versions/version-rebuilds.ts) has claimed them already.
    for (const name of chosen.map((p) => p.name).sort())
      await claims.claim(name, signal, () =>
        options.logger?.info({ projection: name }, 'another rebuild of this projection is running; waiting'),
      );

    // A swap a crash interrupted is finished before anything else (its checkpoint says so).
    for (const p of chosen) {
      if ((await loadCheckpoint(db, rebuildCheckpointId(p.name)))?.phase !== 'swapping') continue;
      await takeLive(p.name);
      await finishSwap(db, p, { resumed: true, stillHeld: stillHeld(p.name) });
      await releaseLive(p.name);
      options.logger?.info({ projection: p.name }, 'finished an interrupted swap');
    }

    // Fresh collections and a checkpoint at START, unless a rebuild of this version is already under
    // way: then resume. One begun by other code (another version) would mix shapes: begin again.
    for (const p of chosen) {
      const id = rebuildCheckpointId(p.name);
      if ((await loadCheckpoint(db, id))?.version === p.version) continue;
      await checkpointsOf(db).deleteOne({ _id: id });
      for (const c of p.collections)
        await db
          .collection(rebuildCollectionName(c.name))
          .drop()
          .catch(() => undefined);
      await saveCheckpoint(db, id, {
        projection: p.name,
        position: START,
        context: p.initialContext,
        phase: 'building',
        version: p.version,
      });
    }

    const workers = chosen.map(
      (p) =>
        new ProjectionWorker(p, db, rebuildTarget(p), {
          cacheSize: options.cacheSize,
          logger: options.logger,
        }),
    );
    let applied = 0;
    const phases = { applying: 0, indexing: 0, swapping: 0 };
    if (workers.length > 0) {
      const from = await earliest(db, workers);
      const total = await countEventsAfter(store, from);
      options.progress?.start(`rebuild ${chosen.map((p) => p.name).join(', ')}`, total);
      const done = new Map<string, number>();
      const onBatch = (b: BatchProgress): void => {
        done.set(b.checkpointId, (done.get(b.checkpointId) ?? 0) + b.events);
        applied = Math.min(...workers.map((w) => done.get(w.target.checkpointId) ?? 0));
        options.progress?.update(applied);
      };
      // Build while the live projector goes on; it still answers and stays current.
      const applying = Date.now();
      await runToEnd(new ProjectionRunner(store, db, workers, { ...runnerOptions, onBatch }));
      phases.applying = secondsSince(applying);
      options.progress?.step?.(
        `applied ${applied.toLocaleString('en-US')} events in ${phases.applying.toFixed(1)} s; building the declared indexes`,
      );
      // The declared indexes, on the loaded collections, before the live projector is paused: the
      // last events are few, and the swapped-in collections answer indexed queries at once.
      const indexing = Date.now();
      for (const p of chosen) {
        const began = Date.now();
        await createDeclaredIndexes(db, p, rebuildCollectionName);
        const count = p.collections.reduce((n, c) => n + c.indexes.length, 0);
        options.progress?.step?.(
          `${count} ${count === 1 ? 'index' : 'indexes'} of ${p.name} built in ${secondsSince(began).toFixed(1)} s`,
        );
      }
      phases.indexing = secondsSince(indexing);

      const swapping = Date.now();
      for (const p of chosen) {
        await takeLive(p.name);
        // The live projector is paused now: the last events, then the swap.
        const worker = workers.find((w) => w.projection === p)!;
        await runToEnd(new ProjectionRunner(store, db, [worker], { ...runnerOptions, onBatch }));
        await beginSwap(db, p);
        await finishSwap(db, p, { resumed: false, stillHeld: stillHeld(p.name) }); // indexes built above
        await releaseLive(p.name);
        await claims.release(p.name);
        options.logger?.info(
          { projection: p.name, position: worker.position, version: p.version },
          'rebuilt and swapped in',
        );
      }
      phases.swapping = secondsSince(swapping);
      options.progress?.finish(
        `done: ${applied.toLocaleString('en-US')} events in ${secondsSince(started).toFixed(1)} s ` +
          `(applying ${phases.applying.toFixed(1)} s, indexes ${phases.indexing.toFixed(1)} s, ` +
          `last events and swaps ${phases.swapping.toFixed(1)} s)`,
      );
    }

    return {
      projections: chosen.map((p) => p.name),
      events: applied,
      seconds: secondsSince(started),
      phases,
    };
  } finally {
    // Stopped or failed: let go at once, so the live projector goes on and a rebuild resumes.
    for (const name of liveHeld.names()) await releaseLive(name).catch(() => undefined);
    await claims.releaseAll();
    await leases.releaseAll().catch(() => undefined);
  }
}

async function earliest(db: Db, workers: readonly ProjectionWorker[]): Promise<Position> {
  const positions = await Promise.all(
    workers.map(async (w) => (await loadCheckpoint(db, w.target.checkpointId))?.position ?? START),
  );
  return positions.reduce((a, b) => (a < b ? a : b));
}

/**
 * Takes a lease, asking its holder to hand it over; fails after `timeoutMs` or when stopped, and then
 * withdraws the request (and gives back a lease handed over meanwhile), so the live projector goes on.
 */
async function takeOver(
  leases: ProjectionLeases,
  name: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await leases.acquire(name)) return;
    const failure = signal?.aborted
      ? new RebuildAborted()
      : Date.now() > deadline
        ? new Error(`the live projector did not hand over the lease of ${name} within ${timeoutMs} ms`)
        : undefined;
    if (failure) {
      await leases.withdrawHandover(name);
      await leases.release(name);
      throw failure;
    }
    await leases.requestHandover(name);
    await new Promise((r) => setTimeout(r, 200));
  }
}
