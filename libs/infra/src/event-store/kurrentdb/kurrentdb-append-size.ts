import type { EventData } from '@kurrent/kurrentdb-client';
import { EventTooLarge } from '../event-too-large.error.js';

/**
 * EventStoreDB limits a whole append (MaxAppendSize: 1 MiB by default up to 24.10; KurrentDB 25.1
 * raised the default to 256 MiB), counting each event as the server does (Event.SizeOnDisk): its
 * data and metadata bytes as sent, plus two bytes per UTF-16 unit of its type. The port promises
 * 1 MiB, so this adapter refuses more than 1 MiB per append on every server version, counting the
 * envelope as it is sent (recordedAt, integrity, `$correlationId`/`$causationId` included), before
 * anything is sent.
 */
export const MAX_APPEND_BYTES = 1024 * 1024;

/** The bytes the server counts for one event, from exactly what the client will send. */
export function eventSizeOnServer(event: EventData): number {
  return (
    payloadBytes(event.data) +
    (event.metadata === undefined ? 0 : payloadBytes(event.metadata)) +
    event.type.length * 2
  );
}

/** Throws `EventTooLarge` naming the event that takes the append over the limit. */
export function assertAppendSize(
  streamId: string,
  events: readonly EventData[],
  limit = MAX_APPEND_BYTES,
): number {
  let total = 0;
  for (const event of events) {
    total += eventSizeOnServer(event);
    if (total > limit) throw new EventTooLarge(streamId, event.id, total, limit, 'append');
  }
  return total;
}

// The client sends JSON content as JSON.stringify(...) in UTF-8, binary content as it is.
function payloadBytes(payload: unknown): number {
  if (payload instanceof Uint8Array) return payload.byteLength;
  return Buffer.byteLength(JSON.stringify(payload), 'utf8');
}
