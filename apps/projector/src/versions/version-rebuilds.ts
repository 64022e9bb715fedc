/**
 * Rebuilds, by itself, a read store built by older code: at start the projector compares each
 * projection's `version` with the one its live checkpoint records (version-change.ts), and for those
 * that differ runs the ordinary blue-green rebuild (../rebuild/rebuild-projections.ts: build beside,
 * take the live lease over, swap) in the background while the live projection keeps answering. The
 * swapped-in checkpoint carries the new version, so the next start finds nothing to do.
 *
 * Several projectors starting at once (or one of them being a manual `npm run rebuild`): a rebuild
 * of a projection runs only under its `<name>#rebuild` lease (rebuild-claims.ts), taken here with
 * one attempt, never by waiting. The process that gets it rebuilds (resuming from the `#rebuild`
 * checkpoint when one of this version is there); the others leave it alone and poll the live
 * checkpoint until it carries the new version, trying the lease again now and then, so they take
 * over (and resume) if the rebuilder dies and its lease expires. Holding the lease, a process looks
 * at the live checkpoint once more before it builds: the previous holder releases the lease only
 * after its swap, so a rebuild that just finished is seen as done and not begun again.
 */
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { rebuildCheckpointId } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../projection/projection.js';
import { loggedProgress } from '../rebuild/logged-progress.js';
import { RebuildAborted } from '../rebuild/rebuild-aborted.js';
import { rebuildProjections } from '../rebuild/rebuild-projections.js';
import { loadCheckpoint } from '../runner/checkpoint-store.js';
import { ProjectionLeases } from '../runner/projection-lease.js';
import { versionChangeOf, type VersionChange } from './version-change.js';

export interface VersionRebuildStatus {
  /** The version the live documents were built with (null: before versions), and the current one. */
  readonly from: number | null;
  readonly to: number;
  /** Rebuilt by this process, or by another one (this one waits for its swap). */
  readonly where: 'here' | 'elsewhere';
}

export interface VersionRebuildOptions {
  /** This process in the `#rebuild` leases; must differ from its live projector's owner. */
  readonly owner: string;
  readonly leaseTtlMs?: number;
  /** Between looks at a rebuild another process runs; default 2 s. */
  readonly retryMs?: number;
  readonly batchSize?: number;
  readonly cacheSize?: number;
  readonly logger?: Logger;
}

export interface VersionRebuilds {
  /**
   * Resolves once every projection found outdated at start has its current version in the live
   * checkpoint (whoever rebuilt it), at once when none was; or when stopped.
   */
  readonly done: Promise<void>;
  /** Set while the projection's version rebuild is under way. */
  statusOf(projection: string): VersionRebuildStatus | undefined;
  /** Stops a rebuild in progress after its batch; it resumes from its checkpoint at the next start. */
  stop(): Promise<void>;
}

export function startVersionRebuilds(
  store: EventStore,
  db: Db,
  projections: readonly Projection[],
  options: VersionRebuildOptions,
): VersionRebuilds {
  const abort = new AbortController();
  const signal = abort.signal;
  const logger = options.logger;
  const retryMs = options.retryMs ?? 2_000;
  const leases = new ProjectionLeases(db, options.owner, options.leaseTtlMs ?? 15_000);
  const status = new Map<string, VersionRebuildStatus>();

  const outdated = async (candidates: readonly Projection[]): Promise<VersionChange[]> => {
    const changes = await Promise.all(
      candidates.map(async (p) => versionChangeOf(p, await loadCheckpoint(db, p.name))),
    );
    return changes.filter((c): c is VersionChange => c !== undefined);
  };

  /** Claims the rebuilds no other process runs; holding a claim, looks again (see above). */
  const claim = async (pending: readonly VersionChange[]): Promise<VersionChange[]> => {
    const mine: VersionChange[] = [];
    for (const change of pending) {
      const id = rebuildCheckpointId(change.projection.name);
      if (!(await leases.acquire(id))) {
        status.set(change.projection.name, { from: change.from, to: change.to, where: 'elsewhere' });
        continue;
      }
      if ((await outdated([change.projection])).length > 0) mine.push(change);
      else await leases.release(id);
    }
    return mine;
  };

  const run = async (): Promise<void> => {
    let pending: VersionChange[] | undefined;
    let backoffMs = 0;
    while (!signal.aborted) {
      try {
        if (!pending) {
          pending = await outdated(projections);
          for (const c of pending) {
            status.set(c.projection.name, { from: c.from, to: c.to, where: 'elsewhere' });
            logger?.info(
              { projection: c.projection.name, from: c.from, to: c.to },
              'projection version changed: rebuilding its read models beside the live ones',
            );
          }
        } else {
          const still = await outdated(pending.map((c) => c.projection));
          for (const c of pending)
            if (!still.some((s) => s.projection === c.projection)) {
              status.delete(c.projection.name);
              logger?.info(
                { projection: c.projection.name, version: c.to },
                'version rebuild done elsewhere',
              );
            }
          pending = still;
        }
        if (pending.length === 0) return;

        const mine = await claim(pending);
        if (mine.length > 0) {
          const started = Date.now();
          for (const c of mine) status.set(c.projection.name, { from: c.from, to: c.to, where: 'here' });
          logger?.info(
            { projections: mine.map((c) => `${c.projection.name} ${c.from ?? 'unversioned'} → ${c.to}`) },
            'version rebuild started',
          );
          await rebuildProjections(store, db, {
            projections: mine.map((c) => c.projection),
            owner: options.owner,
            leaseTtlMs: options.leaseTtlMs,
            batchSize: options.batchSize,
            cacheSize: options.cacheSize,
            logger,
            progress: logger && loggedProgress(logger),
            signal,
          });
          for (const c of mine) status.delete(c.projection.name);
          pending = pending.filter((c) => !mine.includes(c));
          logger?.info(
            {
              projections: mine.map((c) => `${c.projection.name} ${c.to}`),
              seconds: (Date.now() - started) / 1000,
            },
            'version rebuild done',
          );
          backoffMs = 0;
          continue;
        }
        backoffMs = 0;
        await sleep(retryMs, signal);
      } catch (error) {
        if (signal.aborted || error instanceof RebuildAborted) return;
        // The stores failing, say: the rebuild resumes from its checkpoint.
        backoffMs = Math.min(30_000, backoffMs ? backoffMs * 2 : 1_000);
        logger?.warn({ err: error, retryInMs: backoffMs }, 'version rebuild failed; retrying');
        await sleep(backoffMs, signal);
      }
    }
  };

  // Whatever path it left by (stopped between a claim and its rebuild, say), nothing it claimed
  // stays held: the next start, or another projector, resumes at once.
  const done = run().finally(async () => {
    status.clear();
    await leases.releaseAll().catch(() => undefined);
  });
  return {
    done,
    statusOf: (projection) => status.get(projection),
    async stop() {
      abort.abort();
      await done;
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(finish, ms);
    function finish(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', finish);
      resolve();
    }
    signal.addEventListener('abort', finish);
  });
}
