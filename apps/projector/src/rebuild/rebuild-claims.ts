/**
 * Who rebuilds a projection: the holder of its `<name>#rebuild` lease (the lease its rebuild
 * worker runs under, projection-lease.ts). A rebuild claims it before it touches anything (it drops
 * the `__rebuild` collections when it starts afresh), so two rebuilds of one projection never run
 * on top of each other: the second waits, or (a projector's version rebuild) leaves it to the first.
 * Claims are renewed here a third of the way through their time for as long as they are held, also
 * while the rebuild waits for the live lease or swaps, when no runner renews them.
 */
import { rebuildCheckpointId } from '#infra/read-store/read-model-collections.js';
import type { ProjectionLeases } from '../runner/projection-lease.js';
import { LeaseKeeper } from '../runner/lease-keeper.js';
import { RebuildAborted } from './rebuild-aborted.js';

export class RebuildClaims {
  private readonly held: LeaseKeeper;

  constructor(private readonly leases: ProjectionLeases) {
    this.held = new LeaseKeeper(leases.ttlMs, (projection) => leases.renew(rebuildCheckpointId(projection)));
  }

  /** Claims a projection's rebuild if no other process holds it; true when held now. */
  async tryClaim(projection: string): Promise<boolean> {
    if (!(await this.leases.acquire(rebuildCheckpointId(projection)))) return false;
    this.held.add(projection);
    return true;
  }

  /** Waits until the rebuild of `projection` is ours (another process may be rebuilding it). */
  async claim(projection: string, signal?: AbortSignal, onWait?: () => void): Promise<void> {
    let waited = false;
    while (!(await this.tryClaim(projection))) {
      if (signal?.aborted) throw new RebuildAborted();
      if (!waited) onWait?.();
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500, this.leases.ttlMs / 3)));
    }
  }

  async release(projection: string): Promise<void> {
    this.held.delete(projection);
    await this.leases.release(rebuildCheckpointId(projection));
  }

  async releaseAll(): Promise<void> {
    for (const projection of this.held.names()) await this.release(projection).catch(() => undefined);
  }
}
