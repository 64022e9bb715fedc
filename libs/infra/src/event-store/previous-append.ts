import type { AppendResult, RecordedEvent } from './event-store.port.js';
import { IdempotencyConflict } from './idempotency-conflict.error.js';

/**
 * Idempotent appends: when every event id of an append is already in the stream, at consecutive
 * revisions and in the same order, the append was made before and is answered as it was
 * (supervision's derived ids and the API's Idempotency-Key rely on it). Some ids but not that:
 * `IdempotencyConflict`. None: `undefined`, the append is new.
 *
 * `stored` are the stream's events carrying any of `eventIds`, in revision order.
 */
export function previousAppend(
  streamId: string,
  eventIds: readonly string[],
  stored: readonly RecordedEvent[],
): AppendResult | undefined {
  if (stored.length === 0) return undefined;
  const sameAppend =
    stored.length === eventIds.length &&
    stored.every(
      (event, i) =>
        event.eventId === eventIds[i] && (i === 0 || event.revision === stored[i - 1].revision + 1),
    );
  if (!sameAppend) {
    throw new IdempotencyConflict(
      streamId,
      eventIds,
      stored.map((event) => event.eventId),
    );
  }
  const last = stored[stored.length - 1];
  return { nextRevision: last.revision, position: last.position, events: stored };
}
