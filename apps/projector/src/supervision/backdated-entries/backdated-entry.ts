/**
 * U2: an entry whose business time (occurredAt) is more than 10 minutes before the store recorded it
 * is a back-dated entry (补录). Pure: one recorded case event → its back-dated-entry document, or
 * nothing. The document is keyed by the event id, so applying an event twice changes nothing.
 */
import { BACKDATE_TOLERANCE_MS } from '#domain/case/decision-context.js';
import { CASE_STREAM_PREFIX } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { BackdatedEntryDocument } from '#infra/read-store/documents/backdated-entry-document.js';
import type { Built } from '../../projection/projection.js';

/** The two instants of a back-dated case event, each read once; undefined for any other event. */
function backdatedInstants(event: RecordedEvent): { occurredAtMs: number; recordedAtMs: number } | undefined {
  if (!event.streamId.startsWith(CASE_STREAM_PREFIX)) return undefined;
  const occurredAtMs = Date.parse(event.occurredAt);
  const recordedAtMs = Date.parse(event.recordedAt);
  return recordedAtMs - occurredAtMs > BACKDATE_TOLERANCE_MS ? { occurredAtMs, recordedAtMs } : undefined;
}

/** Whether the event is a back-dated case event: what the projection asks of every event. */
export const isBackdated = (event: RecordedEvent): boolean => backdatedInstants(event) !== undefined;

export function backdatedEntryOf(event: RecordedEvent): Built<BackdatedEntryDocument> | undefined {
  const instants = backdatedInstants(event);
  if (!instants) return undefined;
  const { occurredAtMs, recordedAtMs } = instants;
  const gap = recordedAtMs - occurredAtMs;
  const reason = (event.data as { lateEntryReason?: unknown } | null)?.lateEntryReason;
  return {
    _id: event.eventId,
    caseId: event.streamId.slice(CASE_STREAM_PREFIX.length),
    eventType: event.type,
    revision: event.revision,
    position: event.position,
    occurredAt: event.occurredAt,
    recordedAt: event.recordedAt,
    occurredAtMs,
    recordedAtMs,
    gapMinutes: Math.floor(gap / 60_000),
    lateEntryReason: typeof reason === 'string' ? reason : null,
    actor: { ...event.actor },
    departmentId: event.actor.departmentId,
  };
}
