import {
  START as KURRENT_START,
  jsonEvent,
  type EventData,
  type JSONType,
  type Position as KurrentPosition,
  type ReadPosition,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { LEGACY_HASH_ALGORITHM } from '../../integrity/hash-algorithm.js';
import type { RecordedActor, Integrity, RecordedEvent } from '../event-store.port.js';
import { START, comparePositions, formatPosition, parsePosition, type Position } from '../position.js';
import type { UnpositionedEvent } from '../recorded-events.js';

/**
 * How the port's envelope lives in EventStoreDB: `eventId`, `type` and `data` are the event's own,
 * revision and position are the server's, and everything else is the event's JSON metadata, with
 * `$correlationId`/`$causationId` also set so the server's own projections can follow causation.
 * `recordedAt` is the writer's (the server's `created` is set after the hash is computed, U3).
 */
interface EnvelopeMetadata {
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: RecordedActor;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** U8: `alg` is absent in events written before it (SHA-256). */
  readonly integrity: Omit<Integrity, 'alg'> & { readonly alg?: string };
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export function toEventData(event: UnpositionedEvent): EventData {
  const metadata: EnvelopeMetadata = {
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    integrity: event.integrity,
    $correlationId: event.correlationId,
    ...(event.causationId === null ? {} : { $causationId: event.causationId }),
  };
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    // prepareAppend guarantees a JSON object.
    data: event.data as JSONType,
    metadata: metadata as unknown as JSONType,
  });
}

/** The port's event, or `undefined` for what is not one (system events, links, foreign writers). */
export function fromResolvedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || !event.isJson || event.streamId.startsWith('$') || event.type.startsWith('$'))
    return undefined;
  const metadata = event.metadata;
  if (!isEnvelopeMetadata(metadata)) return undefined;
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: metadata.schemaVersion,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position ? fromKurrentPosition(event.position) : START,
    occurredAt: metadata.occurredAt,
    recordedAt: metadata.recordedAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    data: event.data,
    integrity: readIntegrity(metadata.integrity),
  };
}

export function fromKurrentPosition(position: KurrentPosition): Position {
  return formatPosition(position.commit, position.prepare);
}

export function toKurrentPosition(position: Position): ReadPosition {
  if (comparePositions(position, START) === 0) return KURRENT_START;
  const [commit, prepare] = parsePosition(position);
  return { commit, prepare };
}

function readIntegrity(stored: EnvelopeMetadata['integrity']): Integrity {
  const { prevHash, hash, switchedFrom } = stored;
  const alg = typeof stored.alg === 'string' ? stored.alg : LEGACY_HASH_ALGORITHM;
  return typeof switchedFrom === 'string' ? { alg, prevHash, hash, switchedFrom } : { alg, prevHash, hash };
}

function isEnvelopeMetadata(value: unknown): value is EnvelopeMetadata {
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return false;
  const m = value as Record<string, unknown>;
  const integrity = m.integrity as Record<string, unknown> | null | undefined;
  return (
    typeof m.schemaVersion === 'number' &&
    typeof m.occurredAt === 'string' &&
    typeof m.recordedAt === 'string' &&
    typeof m.actor === 'object' &&
    m.actor !== null &&
    typeof m.correlationId === 'string' &&
    (m.causationId === null || typeof m.causationId === 'string') &&
    typeof integrity === 'object' &&
    integrity !== null &&
    typeof integrity.prevHash === 'string' &&
    typeof integrity.hash === 'string'
  );
}
