/**
 * GET /cases/{id}/events?format=csv for auditors: one row per event, RFC 4180 (CRLF, fields quoted
 * when they hold a comma, quote or line break, quotes doubled), UTF-8 with a byte order mark so
 * Excel opens the Chinese text as such. A text cell starting with = + - @ is prefixed with an
 * apostrophe, so a spreadsheet never runs it as a formula (OWASP "CSV injection").
 */
import type { Actor } from '#domain/actor/actor.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { dataAsSeenBy } from '../personal-data.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

export const CSV_COLUMNS = [
  'revision',
  'position',
  'type',
  'occurredAt',
  'recordedAt',
  'actorId',
  'actorName',
  'actorRole',
  'actorDepartmentId',
  'actorWindowId',
  'correlationId',
  'causationId',
  'data',
  'hash',
] as const;

/** One CSV field. Numbers are written as they are; text is neutralised and quoted when needed. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function caseEventsCsv(events: readonly RecordedEvent[], reader: Actor): string {
  const rows = events.map((e) =>
    [
      e.revision,
      e.position,
      e.type,
      e.occurredAt,
      e.recordedAt,
      e.actor.id,
      e.actor.name,
      e.actor.role,
      e.actor.departmentId,
      e.actor.windowId,
      e.correlationId,
      e.causationId,
      JSON.stringify(dataAsSeenBy(e, reader)),
      e.integrity.hash,
    ]
      .map(csvField)
      .join(','),
  );
  return `${BOM}${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

export function csvFileName(caseId: string): string {
  return `case-${caseId}-events.csv`;
}
