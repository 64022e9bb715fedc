import { canonicalJson } from './canonical-json.js';
import {
  LEGACY_HASH_ALGORITHM,
  algorithmRank,
  digestHex,
  isHashAlgorithm,
  type HashAlgorithm,
} from './hash-algorithm.js';

/**
 * The hash chain of a stream (U3): each event carries the hash of the event before it in its
 * stream and its own hash, `hash = H(prevHash + canonicalJson(hashed fields))`, hex-encoded,
 * over the UTF-8 bytes of that concatenation. Revision 0 chains onto 64 zeros.
 *
 * H is the event's own algorithm (U8), named in `integrity.alg`: `sm3` for what is appended now,
 * `sha256` for events stored before U8 (their rows name none). The name is not among the hashed
 * fields (so old hashes stay what they were); it is bound to the hash all the same, since the
 * stored hash only verifies under the algorithm it was made with. A chain switches algorithm at a
 * recorded revision: the first event with the new algorithm says which one it replaces
 * (`switchedFrom`); a change without that, a `switchedFrom` where nothing changes, or a switch back
 * (sm3 → sha256) is a broken link.
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
  /** `sha256` or `sm3` (U8). A string, as read: anything else is a broken link, not a crash. */
  readonly alg: string;
  readonly prevHash: string;
  readonly hash: string;
  /** On the first event of a chain's new algorithm only: the algorithm it replaces (U8). */
  readonly switchedFrom?: string;
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

export function eventHash(
  prevHash: string,
  event: HashedEventFields,
  alg: HashAlgorithm = LEGACY_HASH_ALGORITHM,
): string {
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
  return digestHex(alg, prevHash + canonicalJson(hashed));
}

/**
 * Verifies a whole stream, given in revision order from revision 0. A link is broken when the
 * revision is not the next one (an event is missing), when `prevHash` is not the previous event's
 * stored hash, when the stored hash is not the hash of the event's content under its algorithm,
 * or when its algorithm changes other than forward and announced (U8).
 */
export function verifyChain(events: readonly ChainedEvent[]): StreamVerification {
  let firstBrokenRevision: number | undefined;
  let previousHash = GENESIS_HASH;
  let previousAlg: string | undefined;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const { alg } = event.integrity;
    const linkHolds =
      event.revision === i &&
      event.integrity.prevHash === previousHash &&
      algorithmStepHolds(previousAlg, event.integrity) &&
      isHashAlgorithm(alg) &&
      event.integrity.hash === eventHash(event.integrity.prevHash, event, alg);
    if (!linkHolds && firstBrokenRevision === undefined) firstBrokenRevision = i;
    previousHash = event.integrity.hash;
    previousAlg = alg;
  }
  return firstBrokenRevision === undefined
    ? { ok: true, checked: events.length }
    : { ok: false, checked: events.length, firstBrokenRevision };
}

/** U8: the same algorithm as the event before (no `switchedFrom`), or a forward switch naming it. */
function algorithmStepHolds(previousAlg: string | undefined, integrity: Integrity): boolean {
  const { alg, switchedFrom } = integrity;
  if (previousAlg === undefined || previousAlg === alg) return switchedFrom === undefined;
  return switchedFrom === previousAlg && algorithmRank(alg) > algorithmRank(previousAlg);
}
