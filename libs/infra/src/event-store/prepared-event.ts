import type { JsonValue } from '../integrity/canonical-json.js';
import { EventTooLarge } from './event-too-large.error.js';
import type { RecordedActor, ExpectedRevision, NewEvent } from './event-store.port.js';
import { InvalidAppend } from './invalid-append.error.js';
import { formatShanghaiIso, instantToEpochMs } from './shanghai-instant.js';

/** 1 MiB of serialised data and metadata per event. */
export const MAX_EVENT_BYTES = 1024 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 255;

/**
 * A new event checked and reduced to what will be stored: data and actor as the plain JSON they
 * will be read back as (so the hash computed now is the hash a verifier recomputes later, U3),
 * and their serialisations, which adapters send as they are.
 */
export interface PreparedEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAtMs: number;
  readonly occurredAt: string;
  readonly actor: RecordedActor;
  readonly actorJson: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: JsonValue;
  readonly dataJson: string;
}

/**
 * Validates a whole append before anything is written, so a refused append stores nothing: the
 * expected revision, each event's fields, that its data is a JSON object, and its size.
 * Throws `InvalidAppend` or `EventTooLarge`.
 */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
): PreparedEvent[] {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    throw new InvalidAppend(
      String(streamId),
      `a stream id is a string of 1 to ${MAX_STREAM_ID_LENGTH} characters`,
    );
  }
  if (streamId.startsWith('$')) {
    throw new InvalidAppend(streamId, 'stream ids starting with "$" are reserved for the store');
  }
  if (
    expectedRevision !== 'any' &&
    expectedRevision !== 'no_stream' &&
    !(Number.isSafeInteger(expectedRevision) && expectedRevision >= 0)
  ) {
    throw new InvalidAppend(
      streamId,
      `expected revision must be "no_stream", "any" or a revision >= 0, not ${JSON.stringify(expectedRevision)}`,
    );
  }
  if (!Array.isArray(events) || events.length === 0)
    throw new InvalidAppend(streamId, 'an append has at least one event');
  const seen = new Set<string>();
  return events.map((event, index) => {
    const prepared = prepareEvent(streamId, event, index);
    if (seen.has(prepared.eventId)) {
      throw new InvalidAppend(streamId, `event id ${prepared.eventId} appears twice in one append`);
    }
    seen.add(prepared.eventId);
    return prepared;
  });
}

function prepareEvent(streamId: string, event: NewEvent, index: number): PreparedEvent {
  const where = `event ${index}`;
  const fail: (reason: string) => never = (reason) => {
    throw new InvalidAppend(streamId, `${where}: ${reason}`);
  };
  if (typeof event !== 'object' || event === null) fail('not an object');
  if (typeof event.eventId !== 'string' || !UUID.test(event.eventId)) fail('eventId must be a UUID');
  if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
    fail('type must be a non-empty string not starting with "$"');
  }
  if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1)
    fail('schemaVersion must be an integer >= 1');
  if (typeof event.correlationId !== 'string' || event.correlationId.length === 0)
    fail('correlationId is required (U1)');
  if (event.causationId !== null && typeof event.causationId !== 'string')
    fail('causationId must be a string or null');
  let occurredAtMs = 0;
  try {
    occurredAtMs = instantToEpochMs(event.occurredAt);
  } catch (error) {
    fail(`occurredAt: ${(error as Error).message}`);
  }
  const actor =
    normaliseActor(event.actor) ??
    fail('actor needs id, name and role, and departmentId/windowId as string or null (U1)');
  const { value: data, json: dataJson } = toJson(event.data, () => fail('data is not JSON'));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('data must be a JSON object');
  const eventId = event.eventId.toLowerCase();
  const actorJson = JSON.stringify(actor);
  const occurredAt = formatShanghaiIso(occurredAtMs);
  // The size an adapter stores: the data, and everything else of the envelope (its metadata).
  const metadataJson = JSON.stringify({
    eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAt,
    actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
  });
  const size = Buffer.byteLength(dataJson, 'utf8') + Buffer.byteLength(metadataJson, 'utf8');
  if (size > MAX_EVENT_BYTES) throw new EventTooLarge(streamId, eventId, size, MAX_EVENT_BYTES);
  return {
    eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    occurredAtMs,
    occurredAt,
    actor,
    actorJson,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data,
    dataJson,
  };
}

function normaliseActor(actor: unknown): RecordedActor | undefined {
  if (typeof actor !== 'object' || actor === null) return undefined;
  const a = actor as Record<string, unknown>;
  const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  const optionalText = (v: unknown): v is string | null => v === null || typeof v === 'string';
  if (
    !text(a.id) ||
    !text(a.name) ||
    !text(a.role) ||
    !optionalText(a.departmentId) ||
    !optionalText(a.windowId)
  ) {
    return undefined;
  }
  // Only the envelope's fields: anything else would be stored but not part of the contract.
  return { id: a.id, name: a.name, role: a.role, departmentId: a.departmentId, windowId: a.windowId };
}

/**
 * The value as it will be read back, and its JSON. A JSON round trip drops what storage would drop
 * (undefined members) and applies `toJSON` (a `Date` becomes its ISO string). Non-finite numbers
 * are refused on the original, since `JSON.stringify` would quietly turn them into null.
 */
function toJson(value: unknown, fail: () => never): { value: JsonValue; json: string } {
  let json: string | undefined;
  try {
    assertFiniteNumbers(value, new Set());
    json = JSON.stringify(value);
  } catch {
    return fail();
  }
  if (json === undefined) return fail();
  return { value: JSON.parse(json) as JsonValue, json };
}

function assertFiniteNumbers(value: unknown, seen: Set<object>): void {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number');
  if (typeof value === 'bigint') throw new TypeError('bigint');
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  for (const member of Object.values(value)) assertFiniteNumbers(member, seen);
}
