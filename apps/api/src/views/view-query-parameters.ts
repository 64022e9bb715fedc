/**
 * Query parameters of the views, checked by hand (they are optional strings; a wrong one is a 400
 * naming the field): ids, instants with offsets, dates, enumerations, booleans and cursors.
 */
import { parseLocalDate } from '#domain/calendar/index.js';
import { isPosition } from '#infra/event-store/event-store.port.js';
import { timeFilter } from '../validation/time-filter.js';
import { invalidParameter } from './view-problems.js';
import { ID_PATTERN } from '../validation/id-pattern.js';

export function optionalId(field: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) throw invalidParameter(field, 'must be an id');
  return value;
}

/** A lower time bound: an instant, or a date from its 00:00 (validation/time-filter.ts, every route). */
export function optionalInstant(field: string, value: unknown): number | undefined {
  return timeFilter(field, value, 'start');
}

/** An upper time bound, exclusive: an instant, or a date including its whole day. */
export function optionalInstantBefore(field: string, value: unknown): number | undefined {
  return timeFilter(field, value, 'end');
}

/**
 * `from` and `to` of a list filtered by time: `from` inclusive, `to` exclusive (a date as `to`
 * includes its whole day); a `to` not after `from` would select nothing and is a 400 naming `to`,
 * the same on every route.
 */
export function timeRange(query: { from?: unknown; to?: unknown }): {
  from: number | undefined;
  to: number | undefined;
} {
  const from = optionalInstant('from', query.from);
  const to = optionalInstantBefore('to', query.to);
  if (from !== undefined && to !== undefined && to <= from)
    throw invalidParameter('to', 'must be after from');
  return { from, to };
}

/** A `YYYY-MM-DD` date (Asia/Shanghai), as its day number. */
export function optionalDate(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const day = typeof value === 'string' ? parseLocalDate(value) : undefined;
  if (day === undefined) throw invalidParameter(field, 'must be a date YYYY-MM-DD');
  return day;
}

export function optionalEnum<T extends string>(
  field: string,
  value: unknown,
  values: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value))
    throw invalidParameter(field, `must be one of ${values.join(', ')}`);
  return value as T;
}

export function optionalBoolean(field: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false') throw invalidParameter(field, 'must be true or false');
  return value === 'true';
}

export function optionalPosition(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!isPosition(value)) throw invalidParameter('minPosition', 'must be a position from a command’s answer');
  return value;
}

/** An opaque cursor: the sort key of the last item of a page, as base64url JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(
  value: unknown,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | undefined {
  if (value === undefined) return undefined;
  let key: unknown;
  try {
    key =
      typeof value === 'string' ? JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  // A number of a sort key is finite: 1e400 decodes to Infinity and would page from nowhere.
  const wrong = (k: unknown, i: number): boolean =>
    typeof k !== shape[i] || (typeof k === 'number' && !Number.isFinite(k));
  if (!Array.isArray(key) || key.length !== shape.length || key.some(wrong))
    throw invalidParameter('cursor', 'must be a nextCursor this API gave');
  return key as (string | number)[];
}
