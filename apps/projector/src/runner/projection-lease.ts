/**
 * Leases (issue 6: "several projector processes may run at once without double effects; one owns a
 * projection at a time through a lease"): a document per projection in `projection_leases`,
 * `{ _id, owner, expiresAt }`, taken with one findOneAndUpdate filtered on "free, expired or
 * mine". The holder renews it while it works and lets it go when it stops; a holder that dies
 * (kill -9) loses it when it expires and another process takes over from the checkpoint.
 *
 * A rebuild asks for the live lease before it swaps its collections in: the holder hands the
 * lease over at its next renewal (`handoverTo`) instead of keeping it.
 *
 * Expiry uses each process's wall clock (never the manual clock of tests): leases are about
 * processes, not business time. A holder paused past its expiry is still harmless: every
 * document write is guarded by position, so the slower writer's writes are refused.
 */
import type { Collection, Db } from 'mongodb';
import { isDuplicateKey } from '#infra/read-store/guarded-writes.js';
import { LEASES_COLLECTION } from '#infra/read-store/read-model-collections.js';

export interface LeaseDocument {
  _id: string;
  owner: string | null;
  expiresAt: Date;
  /** A process waiting to be handed the lease (a rebuild about to swap). */
  handoverTo?: string;
}

export class ProjectionLeases {
  private readonly leases: Collection<LeaseDocument>;

  constructor(
    db: Db,
    readonly owner: string,
    readonly ttlMs: number = 15_000,
  ) {
    this.leases = db.collection<LeaseDocument>(LEASES_COLLECTION);
  }

  /** Takes the lease when it is free, expired or already ours; true when we hold it now. */
  async acquire(name: string): Promise<boolean> {
    const now = Date.now();
    try {
      const lease = await this.leases.findOneAndUpdate(
        {
          _id: name,
          $or: [{ owner: this.owner }, { owner: null }, { expiresAt: { $lt: new Date(now) } }],
        },
        { $set: { owner: this.owner, expiresAt: new Date(now + this.ttlMs) } },
        { upsert: true, returnDocument: 'after' },
      );
      return lease?.owner === this.owner;
    } catch (error) {
      // The filter matched nothing and the upsert found the lease there: someone else holds it.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Extends our lease; false when it is no longer ours: it expired and was taken, or a rebuild asked
   * for it, in which case it is handed to that process here.
   */
  async renew(name: string): Promise<boolean> {
    const now = Date.now();
    const lease = await this.leases.findOneAndUpdate(
      { _id: name, owner: this.owner },
      { $set: { expiresAt: new Date(now + this.ttlMs) } },
      { returnDocument: 'after' },
    );
    if (!lease) return false;
    if (lease.handoverTo && lease.handoverTo !== this.owner) {
      // Only while the request stands: a rebuild that stopped waiting withdraws it and releases the
      // lease in the meantime; handing it over then would leave it held by no running process.
      const handed = await this.leases.updateOne(
        { _id: name, owner: this.owner, handoverTo: lease.handoverTo },
        {
          $set: { owner: lease.handoverTo, expiresAt: new Date(now + this.ttlMs) },
          $unset: { handoverTo: '' },
        },
      );
      // Withdrawn meanwhile: still ours (only we hand it over, and we just renewed it).
      return handed.matchedCount === 0;
    }
    return true;
  }

  /**
   * Renews several leases in one command (issue 19: one round's renewals, not one command per
   * projection) when each is still ours and no handover is asked; otherwise each goes through
   * `renew`, which hands over or reports it lost. The names still ours.
   */
  async renewAll(names: readonly string[]): Promise<Set<string>> {
    if (names.length > 1) {
      const renewed = await this.leases.updateMany(
        { _id: { $in: [...names] }, owner: this.owner, handoverTo: { $exists: false } },
        { $set: { expiresAt: new Date(Date.now() + this.ttlMs) } },
      );
      if (renewed.matchedCount === names.length) return new Set(names);
    }
    const kept = new Set<string>();
    for (const name of names) if (await this.renew(name)) kept.add(name);
    return kept;
  }

  /**
   * Extends our lease without handing it over (during a batch, see projection-runner.ts); false
   * when it is no longer ours.
   */
  async extend(name: string): Promise<boolean> {
    const moved = await this.leases.updateOne(
      { _id: name, owner: this.owner },
      { $set: { expiresAt: new Date(Date.now() + this.ttlMs) } },
    );
    return moved.matchedCount > 0;
  }

  /** Lets the lease go at once, so another process need not wait for it to expire. */
  async release(name: string): Promise<void> {
    await this.leases.updateOne(
      { _id: name, owner: this.owner },
      { $set: { owner: null, expiresAt: new Date(0) }, $unset: { handoverTo: '' } },
    );
  }

  /**
   * Lets go of every lease this owner holds: what a process stopping calls last, so none it took
   * on a path that did not keep track (an error between taking and recording) outlives it.
   */
  async releaseAll(): Promise<void> {
    await this.leases.updateMany(
      { owner: this.owner },
      { $set: { owner: null, expiresAt: new Date(0) }, $unset: { handoverTo: '' } },
    );
  }

  /** Asks the holder to hand the lease to us at its next renewal. */
  async requestHandover(name: string): Promise<void> {
    await this.leases.updateOne(
      { _id: name, owner: { $ne: this.owner } },
      { $set: { handoverTo: this.owner } },
    );
  }

  /** Withdraws our request for a handover (a rebuild that stopped waiting). */
  async withdrawHandover(name: string): Promise<void> {
    await this.leases.updateOne({ _id: name, handoverTo: this.owner }, { $unset: { handoverTo: '' } });
  }

  async holder(name: string): Promise<LeaseDocument | null> {
    return this.leases.findOne({ _id: name });
  }
}
