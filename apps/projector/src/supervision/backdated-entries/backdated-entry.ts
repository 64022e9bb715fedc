/**
 * U2: an entry whose business time (occurredAt) is more than 10 minutes before the store recorded it
 * is a back-dated entry (补录). Pure: one recorded case event → its back-dated-entry document, or
 * nothing. The document is keyed by the event id, so applying an event twice changes nothing.
 */
import { BACKDATE_TOLERANCE_MS } from '#domain/case/decision-context.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export interface BackdatedEntryDocument {
  /** The event id. */
  _id: string;
  caseId: string;
  eventType: string;
  revision: number;
  position: string;
  occurredAt: string;
  recordedAt: string;
  occurredAtMs: number;
  recordedAtMs: number;
  /** recordedAt − occurredAt, whole minutes. */
  gapMinutes: number;
  /** Why it was entered late (U2); null when the event carries none (older events, system writes). */
  lateEntryReason: string | null;
  actor: {
    id: string;
    name: string;
    role: string;
    departmentId: string | null;
    windowId: string | null;
  };
  /** The department of the staff member who made the entry. */
  departmentId: string | null;
}

export const CASE_STREAM_PREFIX = 'case-';

export function backdatedEntryOf(event: RecordedEvent): BackdatedEntryDocument | undefined {
  if (!event.streamId.startsWith(CASE_STREAM_PREFIX)) return undefined;
  const occurredAtMs = Date.parse(event.occurredAt);
  const recordedAtMs = Date.parse(event.recordedAt);
  const gap = recordedAtMs - occurredAtMs;
  if (!(gap > BACKDATE_TOLERANCE_MS)) return undefined;
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
