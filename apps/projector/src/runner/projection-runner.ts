/**
 * The projector's loop (DESIGN.md "Read models", issue 6): for every projection whose lease this
 * process holds, read events from its checkpoint in batches (one read serves every projection, from
 * the earliest checkpoint), apply them (projection-worker.ts), and save the checkpoints of the
 * round's batches in one command (issue 19: not one per projection per event). When caught up it
 * polls for new events. When the event store or the read store fails it backs off (100 ms doubling
 * to 10 s) and resumes from the checkpoints; it never stops on its own.
 */
import type { Db } from 'mongodb';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { GuardedWriteConflict } from '#infra/read-store/guarded-writes.js';
import { ProjectionLeases } from './projection-lease.js';
import { saveCheckpoints } from './checkpoint-store.js';
import type { AppliedBatch, ProjectionWorker } from './projection-worker.js';
import {
  defaultOwner,
  shuffled,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './runner-options.js';

export class ProjectionRunner {
  readonly leases: ProjectionLeases;
  private readonly owned = new Set<string>();
  /** Projections whose lease another process held at the last attempt. */
  private readonly heldElsewhere = new Set<string>();
  private readonly lastAttempt = new Map<string, number>();
  private readonly lastRenewal = new Map<string, number>();
  private readonly abort = new AbortController();
  private loop: Promise<void> | undefined;
  private caughtUpWaiters: { readonly afterRead: number; readonly resolve: () => void }[] = [];
  /** Reads begun so far: a wait is answered only by a read begun after it. */
  private reads = 0;
  private backoffMs = 0;
  /** Events the next read asks for (see `maxBatchSize`). */
  private readSize: number;

  constructor(
    private readonly store: EventStore,
    private readonly db: Db,
    readonly workers: readonly ProjectionWorker[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.leases = new ProjectionLeases(db, options.owner ?? defaultOwner(), options.leaseTtlMs ?? 15_000);
    this.readSize = this.baseBatchSize;
  }

  private get baseBatchSize(): number {
    return this.options.batchSize ?? 5000;
  }

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  /** Runs until every projection has caught up (with `stopWhenCaughtUp`) or `stop()`. */
  done(): Promise<void> {
    return this.start().loop!;
  }

  /** Stops after the batch in progress and lets the leases go, so another process takes over at once. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await Promise.all([...this.owned].map((id) => this.leases.release(id).catch(() => undefined)));
    this.owned.clear();
    for (const waiter of this.caughtUpWaiters.splice(0)) waiter.resolve();
  }

  /**
   * Resolves once a read begun after this call found nothing newer and its batch was applied: every
   * event recorded before the call is then in the views (of the projections this process holds).
   */
  whenCaughtUp(): Promise<void> {
    return new Promise((resolve) => this.caughtUpWaiters.push({ afterRead: this.reads, resolve }));
  }

  status(): ProjectionStatus[] {
    return this.workers.map((w) => ({
      checkpointId: w.target.checkpointId,
      owned: this.owned.has(w.target.checkpointId),
      position: w.position,
    }));
  }

  private get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let caughtUp: boolean;
      let read = 0;
      try {
        await this.holdLeases();
        const mine = this.workers.filter((w) => this.owned.has(w.target.checkpointId));
        if (mine.length === 0) {
          await this.sleep(this.options.leaseRetryMs ?? 2_000);
          continue;
        }
        const from = mine.map((w) => w.position).reduce((a, b) => (a < b ? a : b));
        read = ++this.reads;
        const page = await this.store.readAll(from, { batchSize: this.readSize });
        const results = await this.whileExtendingLeases(mine, () =>
          Promise.allSettled(mine.map((w) => this.feed(w, page))),
        );
        // The batches that were written keep their checkpoints even when another projection failed.
        const fed = results.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []));
        await saveCheckpoints(
          this.db,
          fed.map(({ worker, batch }) => ({ id: worker.target.checkpointId, checkpoint: batch.checkpoint })),
        );
        for (const { worker, batch, events } of fed) {
          batch.commit();
          this.options.onBatch?.({
            checkpointId: worker.target.checkpointId,
            events,
            outcome: batch.outcome,
            position: worker.position,
            caughtUp: page.caughtUp,
          });
        }
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed.length > 0) throw failed[0]!.reason;
        this.backoffMs = 0;
        caughtUp = page.caughtUp;
        const max = this.options.maxBatchSize ?? 4 * this.baseBatchSize;
        this.readSize = caughtUp ? this.baseBatchSize : Math.min(max, this.readSize * 2);
      } catch (error) {
        this.readSize = this.baseBatchSize;
        if (this.stopping) break;
        await this.recover(error);
        continue;
      }
      // Caught up only once every projection is either this process's or another's: not while some
      // are still to be taken (one a round).
      const settled = this.workers.every(
        (w) => this.owned.has(w.target.checkpointId) || this.heldElsewhere.has(w.target.checkpointId),
      );
      if (caughtUp && settled) {
        const answered = this.caughtUpWaiters.filter((w) => read > w.afterRead);
        this.caughtUpWaiters = this.caughtUpWaiters.filter((w) => read <= w.afterRead);
        for (const waiter of answered) waiter.resolve();
        if (this.options.stopWhenCaughtUp && this.owned.size === this.workers.length) break;
      }
      if (caughtUp) await this.sleep(this.options.idlePollMs ?? 200);
    }
  }

  /** Applies the page to a worker; its checkpoint is saved with the round's. */
  private async feed(
    worker: ProjectionWorker,
    page: Awaited<ReturnType<EventStore['readAll']>>,
  ): Promise<{ worker: ProjectionWorker; batch: AppliedBatch; events: number } | undefined> {
    const events = page.events.filter((e) => e.position > worker.position);
    if (events.length === 0 && page.nextPosition <= worker.position) return undefined;
    const batch = await worker.applyBatch(events, page.nextPosition);
    return { worker, batch, events: events.length };
  }

  /**
   * Runs a batch while extending the leases of its workers every third of their lifetime, so a big
   * batch (or a slow store) does not let them expire under it. Extending never hands a lease over:
   * a rebuild waiting for it is handed it between batches (keepLease), when no write is in flight.
   */
  private async whileExtendingLeases<T>(
    mine: readonly ProjectionWorker[],
    batch: () => Promise<T>,
  ): Promise<T> {
    // lastRenewal is left as it is, so the next round's renewal (the one that hands over) stays
    // due; a failed extension is found out by that renewal too.
    const timer = setInterval(() => {
      for (const worker of mine) void this.leases.extend(worker.target.checkpointId).catch(() => undefined);
    }, this.leases.ttlMs / 3);
    try {
      return await batch();
    } finally {
      clearInterval(timer);
    }
  }

  /**
   * Renews the leases this process holds (idle or not), and tries now and then to take those it does
   * not; a lease taken reloads its worker from the checkpoint. At most `leasesPerRound` new leases
   * a round (default one), tried in random order, so projectors started together share the
   * projections instead of the first taking them all.
   */
  private async holdLeases(): Promise<void> {
    await this.keepLeases();
    const now = Date.now();
    const candidates = this.workers.filter(
      (w) =>
        !this.owned.has(w.target.checkpointId) &&
        now - (this.lastAttempt.get(w.target.checkpointId) ?? 0) >= (this.options.leaseRetryMs ?? 2_000),
    );
    let taken = 0;
    for (const worker of shuffled(candidates)) {
      const id = worker.target.checkpointId;
      this.lastAttempt.set(id, now);
      if (!(await this.leases.acquire(id))) {
        this.heldElsewhere.add(id);
        continue;
      }
      this.heldElsewhere.delete(id);
      try {
        await worker.start(() => this.leases.extend(id));
      } catch (error) {
        // Not recorded as owned, so `stop` would not let it go: give it back now.
        await this.leases.release(id).catch(() => undefined);
        throw error;
      }
      this.owned.add(id);
      this.lastRenewal.set(id, Date.now());
      this.options.logger?.info({ projection: id, position: worker.position }, 'projection lease taken');
      if (++taken >= (this.options.leasesPerRound ?? 1)) return;
    }
  }

  /**
   * Renews the leases held once one is a third of the way through its time: all of them together,
   * in one command (they stay in step); drops the workers whose lease is lost or handed over.
   */
  private async keepLeases(): Promise<void> {
    const held = this.workers.filter((w) => this.owned.has(w.target.checkpointId));
    const now = Date.now();
    const due = (w: ProjectionWorker): boolean =>
      now - (this.lastRenewal.get(w.target.checkpointId) ?? 0) >= this.leases.ttlMs / 3;
    if (!held.some(due)) return;
    const kept = await this.leases.renewAll(held.map((w) => w.target.checkpointId));
    for (const worker of held)
      if (kept.has(worker.target.checkpointId)) this.lastRenewal.set(worker.target.checkpointId, Date.now());
      else this.drop(worker, 'projection lease lost or handed over');
  }

  private drop(worker: ProjectionWorker, why: string): void {
    const id = worker.target.checkpointId;
    this.owned.delete(id);
    this.lastAttempt.set(id, Date.now());
    worker.invalidate();
    this.options.logger?.info({ projection: id }, why);
  }

  private async recover(error: unknown): Promise<void> {
    for (const worker of this.workers) worker.invalidate();
    if (error instanceof GuardedWriteConflict) {
      // Someone else wrote: reload every checkpoint before going on (the lease decides who stays).
      for (const worker of this.workers)
        if (this.owned.has(worker.target.checkpointId)) this.drop(worker, 'write conflict: reloading');
      for (const worker of this.workers) this.lastAttempt.delete(worker.target.checkpointId);
    }
    this.backoffMs = Math.min(this.options.maxBackoffMs ?? 10_000, this.backoffMs ? this.backoffMs * 2 : 100);
    this.options.logger?.warn(
      { err: error, retryInMs: this.backoffMs },
      'projector batch failed (store unavailable or a write conflict); backing off',
    );
    await this.sleep(this.backoffMs);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopping) return resolve();
      const timer = setTimeout(done, ms);
      const signal = this.abort.signal;
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done);
    });
  }
}
