/**
 * The state changes of a delivery (E2), each one atomic on one document found by `_id` (the only
 * filter FerretDB 1.x evaluates in SQLite): a process claims a due delivery with a lease, and only
 * the lease holder records the outcome. Two processes offered the same delivery: one claim wins;
 * a holder that dies leaves a lease that expires, and the delivery is claimed again.
 */
import type { Collection, Db } from 'mongodb';
import {
  NOTIFICATION_COLLECTIONS,
  type DeliveryDocument,
  type DeliveryStatus,
} from './notification-documents.js';

export class DeliveryLedger {
  readonly deliveries: Collection<DeliveryDocument>;

  constructor(db: Db) {
    this.deliveries = db.collection<DeliveryDocument>(NOTIFICATION_COLLECTIONS.deliveries);
  }

  /** Takes the delivery if it is due (pending and its time has come, or its holder's lease expired). */
  async claim(id: string, owner: string, nowMs: number, leaseMs: number): Promise<DeliveryDocument | null> {
    return this.deliveries.findOneAndUpdate(
      {
        _id: id,
        $or: [
          { status: 'pending', nextAttemptAtMs: { $lte: nowMs } },
          { status: 'delivering', leaseUntilMs: { $lte: nowMs } },
        ],
      },
      { $set: { status: 'delivering', leaseOwner: owner, leaseUntilMs: nowMs + leaseMs } },
      { returnDocument: 'after' },
    );
  }

  get(id: string): Promise<DeliveryDocument | null> {
    return this.deliveries.findOne({ _id: id });
  }

  /** Acknowledged by the receiver: delivered, never sent again. */
  async delivered(claimed: DeliveryDocument, owner: string, nowMs: number): Promise<boolean> {
    const result = await this.deliveries.updateOne(
      { _id: claimed._id, status: 'delivering', leaseOwner: owner },
      {
        $set: { status: 'delivered', deliveredAtMs: nowMs, attempts: claimed.attempts + 1 },
        $unset: { leaseOwner: '', leaseUntilMs: '' },
      },
    );
    return result.modifiedCount === 1;
  }

  /** A failed attempt: retried at `retryAtMs`, or undeliverable when that is past its retry window. */
  async failed(
    claimed: DeliveryDocument,
    owner: string,
    error: string,
    retryAtMs: number,
  ): Promise<DeliveryStatus | undefined> {
    const status: DeliveryStatus = retryAtMs > claimed.giveUpAtMs ? 'undeliverable' : 'pending';
    const result = await this.deliveries.updateOne(
      { _id: claimed._id, status: 'delivering', leaseOwner: owner },
      {
        $set: {
          status,
          attempts: claimed.attempts + 1,
          lastError: error.slice(0, 300),
          nextAttemptAtMs: retryAtMs,
        },
        $unset: { leaseOwner: '', leaseUntilMs: '' },
      },
    );
    return result.modifiedCount === 1 ? status : undefined;
  }

  /** Pending deliveries of a failing subscription whose retry window has passed: undeliverable. */
  async giveUpOverdue(subscriptionId: string, nowMs: number, error: string): Promise<number> {
    const result = await this.deliveries.updateMany(
      { subscriptionId, status: 'pending', giveUpAtMs: { $lte: nowMs } },
      { $set: { status: 'undeliverable', lastError: error.slice(0, 300) } },
    );
    return result.modifiedCount;
  }

  /** An admin's resend (E2): every undeliverable delivery of the notification is due now, for a new window. */
  async redeliver(notificationId: string, nowMs: number): Promise<readonly string[]> {
    const stuck = await this.deliveries
      .find({ notificationId, status: 'undeliverable' }, { projection: { _id: 1, retryWindowMs: 1 } })
      .toArray();
    const resent: string[] = [];
    for (const d of stuck) {
      const result = await this.deliveries.updateOne(
        { _id: d._id, status: 'undeliverable' },
        {
          $set: {
            status: 'pending',
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

  /** Deliveries still to be made (pending or held), for a process that was not offered them. */
  unfinished(): Promise<Pick<DeliveryDocument, '_id' | 'subscriptionId'>[]> {
    return this.deliveries
      .find({ status: { $in: ['pending', 'delivering'] } }, { projection: { _id: 1, subscriptionId: 1 } })
      .toArray();
  }
}
