/**
 * The read model of back-dated entries (U2) behind GET /views/audit/backdated: the collection
 * `audit_backdated_entries`, one document per back-dated case event (backdated-entry.ts), indexed
 * for the view's order (recordedAtMs, _id) and its department filter. Writes are inserts keyed by
 * event id (`$setOnInsert`), so a batch replayed after a crash changes nothing.
 *
 * For the projector's runner: it reads case events (`filter`), passes each batch to `apply`, and
 * saves its checkpoint after; `ensureIndexes` once at start; `rebuild` drops `collection`.
 */
import type { AnyBulkWriteOperation, Db } from 'mongodb';
import type { EventFilter, RecordedEvent } from '#infra/event-store/event-store.port.js';
import { CASE_STREAM_PREFIX } from '#infra/case-stream/case-stream.js';
import {
  BACKDATED_ENTRIES_COLLECTION,
  type BackdatedEntryDocument,
} from '#infra/read-store/documents/backdated-entry-document.js';
import { backdatedEntryOf } from './backdated-entry.js';

export class BackdatedEntriesProjection {
  readonly name = 'backdated-entries';
  readonly version = 1;
  readonly collection = BACKDATED_ENTRIES_COLLECTION;
  readonly filter: EventFilter = { streamPrefix: CASE_STREAM_PREFIX };

  constructor(private readonly db: Db) {}

  async ensureIndexes(): Promise<void> {
    const entries = this.db.collection<BackdatedEntryDocument>(BACKDATED_ENTRIES_COLLECTION);
    await entries.createIndex({ recordedAtMs: -1, _id: -1 });
    await entries.createIndex({ departmentId: 1, recordedAtMs: -1, _id: -1 });
  }

  /** Applies a batch of recorded events, in position order. */
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    const writes: AnyBulkWriteOperation<BackdatedEntryDocument>[] = [];
    for (const event of events) {
      const entry = backdatedEntryOf(event);
      if (!entry) continue;
      const { _id, ...fields } = entry;
      writes.push({ updateOne: { filter: { _id }, update: { $setOnInsert: fields }, upsert: true } });
    }
    if (writes.length > 0)
      await this.db
        .collection<BackdatedEntryDocument>(BACKDATED_ENTRIES_COLLECTION)
        .bulkWrite(writes, { ordered: false });
  }
}
