/**
 * Events a projection could not apply (issue 6: "parks an event a projection cannot handle, with
 * the error, instead of stopping every view"): kept in `parked_events` with the error, keyed by
 * projection and event, so a replay parks it once. The projection goes on with the next event; an
 * operator fixes the cause (an upcaster, a projection change) and rebuilds.
 *
 * I1: the parked copy is for diagnosis; the event store keeps the event itself. So its data and the
 * error are redacted as a log line is: whatever the projector's masked view leaves readable (a
 * complainant's name, a number typed into free text or an error message) never reaches the read
 * store this way.
 */
import type { Db } from 'mongodb';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { redactText, redactValue } from '#infra/logging/personal-data-redaction.js';
import { isDuplicateKey } from '#infra/read-store/guarded-writes.js';
import { PARKED_EVENTS_COLLECTION } from '#infra/read-store/read-model-collections.js';

export interface ParkedEventDocument {
  /** `<projection>:<eventId>` */
  _id: string;
  projection: string;
  eventId: string;
  streamId: string;
  type: string;
  position: string;
  error: { name: string; message: string; stack: string | null };
  event: RecordedEvent;
  parkedAt: Date;
}

export interface ParkedEvent {
  readonly event: RecordedEvent;
  readonly error: unknown;
}

export async function parkEvents(db: Db, projection: string, parked: readonly ParkedEvent[]): Promise<void> {
  const collection = db.collection<ParkedEventDocument>(PARKED_EVENTS_COLLECTION);
  for (const { event, error } of parked) {
    const e = error instanceof Error ? error : new Error(String(error));
    try {
      await collection.insertOne({
        _id: `${projection}:${event.eventId}`,
        projection,
        eventId: event.eventId,
        streamId: event.streamId,
        type: event.type,
        position: event.position,
        error: { name: e.name, message: redactText(e.message), stack: e.stack ? redactText(e.stack) : null },
        event: { ...event, data: redactValue(event.data) },
        parkedAt: new Date(),
      });
    } catch (insertError) {
      if (!isDuplicateKey(insertError)) throw insertError;
    }
  }
}
