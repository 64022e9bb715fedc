/**
 * Insert-if-absent of notifications and deliveries (E2): each written with `$setOnInsert` on its
 * stable id, so a replayed event, a rebuild or a second projector writes nothing that exists and
 * never resets a delivery's state. Returns the deliveries this call created, which only this
 * process offers at once; any others are found by the dispatcher's sweep.
 */
import type { Collection, Db } from 'mongodb';
import {
  NOTIFICATION_COLLECTIONS,
  type DeliveryDocument,
  type NotificationDocument,
} from '#infra/notifications/notification-documents.js';

/** FerretDB 1.24 hangs on an update command of 100 or more updates (apps/projector/README.md). */
const CHUNK = 50;

/** The writer inserts whole documents by their id only: it needs no more of their type than that. */
interface Keyed {
  readonly _id: string;
}

export class OutboxWriter {
  private readonly notifications: Collection<Keyed>;
  private readonly deliveries: Collection<Keyed>;

  constructor(db: Db) {
    this.notifications = db.collection<Keyed>(NOTIFICATION_COLLECTIONS.notifications);
    this.deliveries = db.collection<Keyed>(NOTIFICATION_COLLECTIONS.deliveries);
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

/**
 * Most chunks are new: one insert. A chunk holding a document already there (a replay, another
 * notifier) is written again as upserts, which create only what is missing.
 */
async function insertIfAbsent(collection: Collection<Keyed>, documents: readonly Keyed[]): Promise<string[]> {
  const created: string[] = [];
  for (let i = 0; i < documents.length; i += CHUNK) {
    const chunk = documents.slice(i, i + CHUNK);
    try {
      await collection.insertMany([...chunk], { ordered: true });
      created.push(...chunk.map((d) => d._id));
      continue;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    // Those the failed insert wrote count as found, not created: the dispatcher's sweep offers them.
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await collection.bulkWrite(
          chunk.map((doc) => ({
            updateOne: { filter: { _id: doc._id }, update: { $setOnInsert: doc }, upsert: true },
          })),
        );
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
  if (typeof error !== 'object' || error === null) return false;
  if ('code' in error && error.code === 11000) return true;
  // A bulk error names its first failed write; every one of ours is a duplicate or it is not ours.
  const writeErrors = 'writeErrors' in error ? error.writeErrors : undefined;
  const list: unknown[] = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
  return (
    list.length > 0 &&
    list.every((e) => typeof e === 'object' && e !== null && 'code' in e && e.code === 11000)
  );
}
