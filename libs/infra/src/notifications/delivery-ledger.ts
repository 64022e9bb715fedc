/**
 * The state changes of a delivery (E2). FerretDB 1.24 runs neither `findOneAndUpdate` nor a
 * filtered `updateOne` atomically (two connections both "claim" the same document in about 7% of
 * races, measured), but it does refuse a second insert of one `_id`. So an attempt is claimed by
 * inserting a claim document whose `_id` names the attempt — `<delivery>@<round>.<attempt>.<generation>`
 * — and only the process whose insert succeeded sends and records the outcome. A claim holds a lease:
 * when its holder dies, the next generation of the same attempt can be claimed once it expires.
 * Claims are never deleted (a reader with an old view of the delivery would otherwise claim again).
 */
import type { Collection, Db } from 'mongodb';
import {
  NOTIFICATION_COLLECTIONS,
  type DeliveryClaimDocument,
  type DeliveryDocument,
  type DeliveryStatus,
} from './notification-documents.js';

export type ClaimOutcome =
  | { readonly kind: 'claimed'; readonly delivery: DeliveryDocument; readonly claimId: string }
  /** Not pending, or not yet due: `delivery` says which (null: unknown here). */
  | { readonly kind: 'not_due'; readonly delivery: DeliveryDocument | null }
  /** Another process holds this attempt until `untilMs`. */
  | { readonly kind: 'held'; readonly untilMs: number };

export class DeliveryLedger {
  readonly deliveries: Collection<DeliveryDocument>;
  private readonly claims: Collection<DeliveryClaimDocument>;

  constructor(db: Db) {
    this.deliveries = db.collection<DeliveryDocument>(NOTIFICATION_COLLECTIONS.deliveries);
    this.claims = db.collection<DeliveryClaimDocument>(NOTIFICATION_COLLECTIONS.claims);
  }

  /** Claims the delivery's next attempt if it is due and no live claim holds it. */
  async claim(id: string, owner: string, nowMs: number, leaseMs: number): Promise<ClaimOutcome> {
    const delivery = await this.get(id);
    if (!delivery || delivery.status !== 'pending' || delivery.nextAttemptAtMs > nowMs)
      return { kind: 'not_due', delivery };
    const attempt = `${id}@${delivery.round}.${delivery.attempts}`;
    for (let generation = 0; generation < 1000; generation++) {
      const claimId = `${attempt}.${generation}`;
      if (await this.insertClaim({ _id: claimId, owner, leaseUntilMs: nowMs + leaseMs })) {
        // Our view of the delivery may be older than a claim that has finished meanwhile.
        const now = await this.get(id);
        const same =
          now?.status === 'pending' && now.round === delivery.round && now.attempts === delivery.attempts;
        return same ? { kind: 'claimed', delivery: now, claimId } : { kind: 'not_due', delivery: now };
      }
      const held = await this.claims.findOne({ _id: claimId });
      if (held && held.leaseUntilMs > nowMs) return { kind: 'held', untilMs: held.leaseUntilMs };
      // Expired: its holder died with the attempt; the next generation may take it.
    }
    return { kind: 'held', untilMs: nowMs + leaseMs };
  }

  get(id: string): Promise<DeliveryDocument | null> {
    return this.deliveries.findOne({ _id: id });
  }

  /** Acknowledged by the receiver: delivered, never sent again. Only the claim's holder calls it. */
  async delivered(claimed: DeliveryDocument, nowMs: number): Promise<void> {
    await this.deliveries.updateOne(
      { _id: claimed._id },
      { $set: { status: 'delivered', deliveredAtMs: nowMs, attempts: claimed.attempts + 1 } },
    );
  }

  /** A failed attempt: retried at `retryAtMs`, or undeliverable when that is past its retry window. */
  async failed(claimed: DeliveryDocument, error: string, retryAtMs: number): Promise<DeliveryStatus> {
    const status: DeliveryStatus = retryAtMs > claimed.giveUpAtMs ? 'undeliverable' : 'pending';
    await this.deliveries.updateOne(
      { _id: claimed._id },
      {
        $set: {
          status,
          attempts: claimed.attempts + 1,
          lastError: error.slice(0, 300),
          nextAttemptAtMs: retryAtMs,
        },
      },
    );
    return status;
  }

  /** Pending deliveries of a failing subscription whose retry window has passed: undeliverable. */
  async giveUpOverdue(subscriptionId: string, nowMs: number, error: string): Promise<number> {
    const result = await this.deliveries.updateMany(
      { subscriptionId, status: 'pending', giveUpAtMs: { $lte: nowMs } },
      { $set: { status: 'undeliverable', lastError: error.slice(0, 300) } },
    );
    return result.modifiedCount;
  }

  /**
   * An admin's resend (E2): every undeliverable delivery of the notification is due now, in a new
   * round (its attempts are claimed afresh) and a new retry window.
   */
  async redeliver(notificationId: string, nowMs: number): Promise<readonly string[]> {
    const stuck = await this.deliveries.find({ notificationId, status: 'undeliverable' }).toArray();
    const resent: string[] = [];
    for (const d of stuck) {
      const result = await this.deliveries.updateOne(
        { _id: d._id, status: 'undeliverable' },
        {
          $set: {
            status: 'pending',
            round: d.round + 1,
            attempts: 0,
            nextAttemptAtMs: nowMs,
            giveUpAtMs: nowMs + d.retryWindowMs,
          },
        },
      );
      if (result.modifiedCount === 1) resent.push(d._id);
    }
    return resent;
  }

  /** Deliveries still to be made, for a process that was not offered them. */
  unfinished(): Promise<Pick<DeliveryDocument, '_id' | 'subscriptionId'>[]> {
    return this.deliveries
      .find({ status: 'pending' }, { projection: { _id: 1, subscriptionId: 1 } })
      .toArray();
  }

  private async insertClaim(claim: DeliveryClaimDocument): Promise<boolean> {
    try {
      await this.claims.insertOne(claim);
      return true;
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 11000)
        return false;
      throw error;
    }
  }
}
