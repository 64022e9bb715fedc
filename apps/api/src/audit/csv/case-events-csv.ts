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

type Cell = string | number | null;

/** Each column's header beside its cell, so the two cannot drift apart. */
const COLUMNS: readonly (readonly [string, (e: RecordedEvent, reader: Actor) => Cell])[] = [
  ['revision', (e) => e.revision],
  ['position', (e) => e.position],
  ['type', (e) => e.type],
  ['occurredAt', (e) => e.occurredAt],
  ['recordedAt', (e) => e.recordedAt],
  ['actorId', (e) => e.actor.id],
  ['actorName', (e) => e.actor.name],
  ['actorRole', (e) => e.actor.role],
  ['actorDepartmentId', (e) => e.actor.departmentId],
  ['actorWindowId', (e) => e.actor.windowId],
  ['correlationId', (e) => e.correlationId],
  ['causationId', (e) => e.causationId],
  ['data', (e, reader) => JSON.stringify(dataAsSeenBy(e, reader))],
  ['hash', (e) => e.integrity.hash],
];

/** One CSV field. Numbers are written as they are; text is neutralised and quoted when needed. */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function caseEventsCsv(events: readonly RecordedEvent[], reader: Actor): string {
  const header = COLUMNS.map(([name]) => name).join(',');
  const rows = events.map((e) => COLUMNS.map(([, cell]) => csvField(cell(e, reader))).join(','));
  return `${BOM}${[header, ...rows].join('\r\n')}\r\n`;
}

export function csvFileName(caseId: string): string {
  return `case-${caseId}-events.csv`;
}
