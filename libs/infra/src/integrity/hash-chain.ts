import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The hash chain of a stream (U3): each event carries the hash of the event before it in its
 * stream and its own hash, `hash = sha256(prevHash + canonicalJson(hashed fields))`, hex-encoded,
 * over the UTF-8 bytes of that concatenation. Revision 0 chains onto 64 zeros.
 *
 * Hashed fields: every field of the recorded event except `integrity` (it holds the result) and
 * `position`. The position is the store's global order, drawn by the database at insert (after the
 * writer has computed the hash) and re-drawn by nothing: it says where the event sits among all
 * streams, not what the stream's history is, and the chain is per stream. `recordedAt` is hashed:
 * the writer decides it before the insert, so an altered recording time is caught too.
 *
 * Pure functions over plain objects, so the API can verify events it has read without a store.
 * Limit: a chain proves that no stored event was altered or removed from the middle; dropping the
 * last events of a stream leaves a shorter valid chain (U5 forbids deletions; the database refuses
 * them, see the `es_events_immutable` trigger).
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a recorded event that its hash covers. */
export interface HashedEventFields {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly revision: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: unknown;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
}

export interface Integrity {
  readonly prevHash: string;
  readonly hash: string;
}

export interface ChainedEvent extends HashedEventFields {
  readonly integrity: Integrity;
}

/** What an auditor learns from verifying a stream (U3; `GET /cases/{id}/integrity`). */
export interface StreamVerification {
  readonly ok: boolean;
  /** How many events were examined: every event of the stream, also past a broken link. */
  readonly checked: number;
  /** The first revision whose link does not hold; absent when `ok`. */
  readonly firstBrokenRevision?: number;
}

export function eventHash(prevHash: string, event: HashedEventFields): string {
  // Pick the fields by name: extra properties (position, anything a reader adds) never enter.
  const hashed = {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    revision: event.revision,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
  };
  return createHash('sha256')
    .update(prevHash + canonicalJson(hashed), 'utf8')
    .digest('hex');
}

/**
 * Verifies a whole stream, given in revision order from revision 0. A link is broken when the
 * revision is not the next one (an event is missing), when `prevHash` is not the previous event's
 * stored hash, or when the stored hash is not the hash of the event's content.
 */
export function verifyChain(events: readonly ChainedEvent[]): StreamVerification {
  let firstBrokenRevision: number | undefined;
  let previousHash = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const linkHolds =
      event.revision === i &&
      event.integrity.prevHash === previousHash &&
      event.integrity.hash === eventHash(event.integrity.prevHash, event);
    if (!linkHolds && firstBrokenRevision === undefined) firstBrokenRevision = i;
    previousHash = event.integrity.hash;
  }
  return firstBrokenRevision === undefined
    ? { ok: true, checked: events.length }
    : { ok: false, checked: events.length, firstBrokenRevision };
}
