import { LEGACY_HASH_ALGORITHM } from '../../integrity/hash-algorithm.js';
import type { EventFilter } from '../event-store.port.js';
import type { PreparedEvent } from '../prepared-event.js';
import { EMPTY_STREAM, type StreamHead, type UnpositionedEvent } from '../recorded-events.js';
import type { SqlQueryable } from './sql-database.js';

/**
 * The store's SQL for writing events and reading heads, and the parameters it takes. Prepared
 * statements are named after this text: changing it means changing their names.
 */

/**
 * The horizon every reader of the whole log pages to: the oldest transaction still running. Rows
 * below it will never be joined by a row with a smaller position (see postgres-event-store.ts).
 */
export const HORIZON =
  'WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)';

/** Events after the position in $1 and $2 and below the horizon: readAll pages and countAfter counts this set. */
export const AFTER_POSITION_BELOW_HORIZON =
  '(ev.tx_id, ev.position) > ($1::text::xid8, $2::bigint) AND ev.tx_id < horizon.xmin';

// Arrays travel as text[] and are cast here, so both drivers send them the same way. `onlyIf`
// makes the insert conditional (on a row written beside it, see appendNewStreamBeside).
export const insertEvents = (onlyIf = ''): string => `
  INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at,
                         actor, correlation_id, causation_id, data, prev_hash, hash, hash_alg,
                         hash_switched_from)
  SELECT $1, $2::bigint + u.ord - 1, u.event_id::uuid, u.type, u.schema_version, u.occurred_at::timestamptz,
         $3::timestamptz, u.actor::jsonb, u.correlation_id, u.causation_id, u.data::jsonb, u.prev_hash, u.hash,
         $14, CASE WHEN u.ord = 1 THEN $15 END
  FROM unnest($4::text[], $5::text[], $6::int4[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
              $12::text[], $13::text[])
       WITH ORDINALITY AS u(event_id, type, schema_version, occurred_at, actor, correlation_id, causation_id, data,
                            prev_hash, hash, ord)
  ${onlyIf}
  ORDER BY u.ord
  RETURNING revision::text AS revision, tx_id::text AS tx_id, position::text AS position`;
const INSERT_EVENTS = insertEvents();

// The usual append is one event: plain parameters cost less to send and to plan than arrays.
const INSERT_ONE_EVENT = `
  INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at,
                         actor, correlation_id, causation_id, data, prev_hash, hash, hash_alg,
                         hash_switched_from)
  VALUES ($1, $2, $3::uuid, $4, $5, $6::timestamptz, $7::timestamptz, $8::jsonb, $9, $10, $11::jsonb, $12, $13,
          $14, $15)
  RETURNING revision::text AS revision, tx_id::text AS tx_id, position::text AS position`;

export const HEAD_AT_REVISION = `
  SELECT hash, hash_alg, (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms
  FROM es_events WHERE stream_id = $1 AND revision = $2`;

export const LAST_EVENT = `
  SELECT revision::text AS revision, hash, hash_alg, (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms
  FROM es_events ev WHERE ev.stream_id = $1 ORDER BY ev.revision DESC LIMIT 1`;

/** What an insert returns for each event written. */
export interface InsertedRow {
  revision: string;
  tx_id: string;
  position: string;
}

export interface LastEventRow {
  readonly revision: string;
  readonly hash: string;
  readonly hash_alg: string | null;
  readonly recorded_ms: number;
}

/** The head a stream's last event (LAST_EVENT's row) makes; no row, the empty stream. */
export const headOfLast = (last: LastEventRow | undefined): StreamHead =>
  last
    ? {
        revision: Number(last.revision),
        hash: last.hash,
        alg: last.hash_alg ?? LEGACY_HASH_ALGORITHM,
        recordedAtMs: last.recorded_ms,
      }
    : EMPTY_STREAM;

/** Inserts an append's events: one event with INSERT_ONE_EVENT, more with INSERT_EVENTS. */
export function insertRows(
  db: SqlQueryable,
  streamId: string,
  firstRevision: number,
  recordedAtMs: number,
  prepared: readonly PreparedEvent[],
  chained: readonly UnpositionedEvent[],
): Promise<InsertedRow[]> {
  const recordedAt = new Date(recordedAtMs).toISOString();
  if (prepared.length === 1) {
    const [event] = prepared;
    const { integrity } = chained[0];
    return db.query(
      INSERT_ONE_EVENT,
      [
        streamId,
        firstRevision,
        event.eventId,
        event.type,
        event.schemaVersion,
        new Date(event.occurredAtMs).toISOString(),
        recordedAt,
        event.actorJson,
        event.correlationId,
        event.causationId,
        event.dataJson,
        integrity.prevHash,
        integrity.hash,
        integrity.alg,
        integrity.switchedFrom ?? null,
      ],
      'es_append_one',
    );
  }
  return db.query(
    INSERT_EVENTS,
    insertParams(streamId, firstRevision, recordedAtMs, prepared, chained),
    'es_append',
  );
}

/** The parameters of INSERT_EVENTS ($1 to $15). */
export function insertParams(
  streamId: string,
  firstRevision: number,
  recordedAtMs: number,
  prepared: readonly PreparedEvent[],
  chained: readonly UnpositionedEvent[],
): unknown[] {
  return [
    streamId,
    firstRevision,
    new Date(recordedAtMs).toISOString(),
    prepared.map((e) => e.eventId),
    prepared.map((e) => e.type),
    prepared.map((e) => e.schemaVersion),
    prepared.map((e) => new Date(e.occurredAtMs).toISOString()),
    prepared.map((e) => e.actorJson),
    prepared.map((e) => e.correlationId),
    prepared.map((e) => e.causationId),
    prepared.map((e) => e.dataJson),
    chained.map((e) => e.integrity.prevHash),
    chained.map((e) => e.integrity.hash),
    chained[0].integrity.alg,
    chained[0].integrity.switchedFrom ?? null,
  ];
}

/** A readAll filter as a condition on `ev`, its values pushed onto `params`. */
export function filterSql(filter: EventFilter | undefined, params: unknown[]): string {
  if (filter === undefined) return '';
  if ('streamPrefix' in filter) {
    params.push(filter.streamPrefix);
    return `AND starts_with(ev.stream_id, $${params.length})`;
  }
  params.push([...filter.eventTypes]);
  return `AND ev.type = ANY($${params.length}::text[])`;
}
