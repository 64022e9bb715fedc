import {
  DEFAULT_HASH_ALGORITHM,
  algorithmForAppend,
  isHashAlgorithm,
  type HashAlgorithm,
} from '../integrity/hash-algorithm.js';
import { GENESIS_HASH, eventHash, type Integrity } from '../integrity/hash-chain.js';
import type { RecordedEvent } from './event-store.port.js';
import type { Position } from './position.js';
import type { PreparedEvent } from './prepared-event.js';
import { formatShanghaiIso } from './shanghai-instant.js';

/** The last event of a stream as far as an append needs it: where to chain on (U3) and its time. */
export interface StreamHead {
  /** -1 for a stream that does not exist yet. */
  readonly revision: number;
  readonly hash: string;
  /** The algorithm of the last event (U8); absent for a stream that does not exist yet. */
  readonly alg?: string;
  readonly recordedAtMs: number;
}

export const EMPTY_STREAM: StreamHead = {
  revision: -1,
  hash: GENESIS_HASH,
  recordedAtMs: Number.NEGATIVE_INFINITY,
};

export type UnpositionedEvent = Omit<RecordedEvent, 'position'>;

/**
 * The events of an append as they will be stored on top of `head`: revisions, `recordedAt`, and
 * the hash chain. `recordedAt` never goes back within a stream, even if clocks of several writers
 * disagree, so "the events recorded up to an instant" is always a prefix of the stream (U4).
 *
 * The events are hashed with `alg` (U8; SM3 unless told otherwise), or with the head's algorithm
 * when that one is further along (a chain never switches back). When the algorithm differs from
 * the head's, the first event records the switch (`switchedFrom`), so it is never silent.
 */
export function chainOnto(
  head: StreamHead,
  streamId: string,
  events: readonly PreparedEvent[],
  nowMs: number,
  alg: HashAlgorithm = DEFAULT_HASH_ALGORITHM,
): { readonly recordedAtMs: number; readonly events: UnpositionedEvent[] } {
  const recordedAtMs = Math.max(nowMs, head.recordedAtMs);
  const recordedAt = formatShanghaiIso(recordedAtMs);
  const chainAlg = isHashAlgorithm(head.alg) ? algorithmForAppend(alg, head.alg) : alg;
  let switchedFrom = head.alg !== undefined && head.alg !== chainAlg ? head.alg : undefined;
  let prevHash = head.hash;
  const chained = events.map((event, i): UnpositionedEvent => {
    const fields = {
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      streamId,
      revision: head.revision + 1 + i,
      occurredAt: event.occurredAt,
      recordedAt,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.causationId,
      data: event.data,
    };
    const hash = eventHash(prevHash, fields, chainAlg);
    const integrity: Integrity =
      switchedFrom === undefined
        ? { alg: chainAlg, prevHash, hash }
        : { alg: chainAlg, prevHash, hash, switchedFrom };
    const recorded = { ...fields, integrity };
    prevHash = hash;
    switchedFrom = undefined;
    return recorded;
  });
  return { recordedAtMs, events: chained };
}

export function withPositions(
  events: readonly UnpositionedEvent[],
  positions: readonly Position[],
): RecordedEvent[] {
  return events.map((event, i) => ({ ...event, position: positions[i] }));
}

export function headOf(event: RecordedEvent, recordedAtMs: number): StreamHead {
  return { revision: event.revision, hash: event.integrity.hash, alg: event.integrity.alg, recordedAtMs };
}
