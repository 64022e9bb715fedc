import { LEGACY_HASH_ALGORITHM } from '../../integrity/hash-algorithm.js';
import type { Integrity } from '../../integrity/hash-chain.js';
import type { RecordedActor, RecordedEvent } from '../event-store.port.js';
import { formatPosition } from '../position.js';
import { formatShanghaiIso } from '../shanghai-instant.js';

/** The rows of `es_events` as the store and its sealer (libs/infra/src/seals) read them. */

// Columns of the alias ev. Always sort by ev.<column>: an unqualified ORDER BY would pick the text
// output column of the same name, and put "10" before "9".
export const EVENT_COLUMNS = `
  ev.tx_id::text AS tx_id, ev.position::text AS position, ev.stream_id, ev.revision::text AS revision,
  ev.event_id::text AS event_id, ev.type, ev.schema_version,
  (extract(epoch FROM ev.occurred_at) * 1000)::float8 AS occurred_ms,
  (extract(epoch FROM ev.recorded_at) * 1000)::float8 AS recorded_ms,
  ev.actor, ev.correlation_id, ev.causation_id, ev.data, ev.prev_hash, ev.hash,
  ev.hash_alg, ev.hash_switched_from`;

export interface EventRow {
  readonly tx_id: string;
  readonly position: string;
  readonly stream_id: string;
  readonly revision: string;
  readonly event_id: string;
  readonly type: string;
  readonly schema_version: number;
  readonly occurred_ms: number;
  readonly recorded_ms: number;
  readonly actor: RecordedActor;
  readonly correlation_id: string;
  readonly causation_id: string | null;
  readonly data: unknown;
  readonly prev_hash: string;
  readonly hash: string;
  readonly hash_alg: string | null;
  readonly hash_switched_from: string | null;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: formatPosition(BigInt(row.tx_id), BigInt(row.position)),
    occurredAt: formatShanghaiIso(Math.round(row.occurred_ms)),
    recordedAt: formatShanghaiIso(Math.round(row.recorded_ms)),
    actor: row.actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data: row.data,
    integrity: integrityOf(row),
  };
}

/** U8: a row without an algorithm was stored before U8, with SHA-256. */
function integrityOf(row: EventRow): Integrity {
  const alg = row.hash_alg ?? LEGACY_HASH_ALGORITHM;
  return row.hash_switched_from === null
    ? { alg, prevHash: row.prev_hash, hash: row.hash }
    : { alg, prevHash: row.prev_hash, hash: row.hash, switchedFrom: row.hash_switched_from };
}
