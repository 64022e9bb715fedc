/**
 * Insert-if-absent of notifications and deliveries (E2): each written with `$setOnInsert` on its
 * stable id, so a replayed event, a rebuild or a second projector writes nothing that exists and
 * never resets a delivery's state. Returns the deliveries this call created, which only this
 * process offers at once; any others are found by the dispatcher's sweep.
 */
import type { AnyBulkWriteOperation, Collection, Db } from 'mongodb';
import {
  NOTIFICATION_COLLECTIONS,
  type DeliveryDocument,
  type NotificationDocument,
} from '#infra/notifications/notification-documents.js';

/** FerretDB 1.24 hangs on an update command of 100 or more updates (apps/projector/README.md). */
const CHUNK = 50;

export class OutboxWriter {
  private readonly notifications: Collection<NotificationDocument>;
  private readonly deliveries: Collection<DeliveryDocument>;

  constructor(db: Db) {
    this.notifications = db.collection<NotificationDocument>(NOTIFICATION_COLLECTIONS.notifications);
    this.deliveries = db.collection<DeliveryDocument>(NOTIFICATION_COLLECTIONS.deliveries);
  }

  async write(
    notifications: readonly NotificationDocument[],
    deliveries: readonly DeliveryDocument[],
  ): Promise<DeliveryDocument[]> {
    // Notifications first: a delivery never exists without the notification it sends.
    await insertIfAbsent(this.notifications, notifications);
    const created = new Set(await insertIfAbsent(this.deliveries, deliveries));
    return deliveries.filter((d) => created.has(d._id));
  }
}

async function insertIfAbsent<T extends { _id: string }>(
  collection: Collection<T>,
  documents: readonly T[],
): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < documents.length; i += CHUNK) {
    const chunk = documents.slice(i, i + CHUNK);
    const operations = chunk.map(
      (doc) =>
        ({
          updateOne: { filter: { _id: doc._id }, update: { $setOnInsert: doc }, upsert: true },
        }) as AnyBulkWriteOperation<T>,
    );
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await collection.bulkWrite(operations, { ordered: true });
        for (const index of Object.keys(result.upsertedIds)) created.push(chunk[Number(index)]!._id);
        break;
      } catch (error) {
        // Another writer inserted one of them between our lookup and insert: again, finding it there.
        if (attempt < 3 && isDuplicateKey(error)) continue;
        throw error;
      }
    }
  }
  return created;
}

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 11000;
}
