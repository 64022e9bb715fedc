/**
 * Local time in Asia/Shanghai (T1): a fixed UTC+8 offset with no daylight saving, so every
 * conversion is plain integer arithmetic. No Intl and no Date parsing: these run in hot loops
 * (deadlines, supervision ticks) and must not depend on the host's time zone.
 */
import type { DayNumber, EpochMs, LocalDate } from './calendar-types.js';

export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1_440;
export const MS_PER_DAY = 86_400_000;
/** T1: Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_UTC_OFFSET_MS = 8 * 3_600_000;

/** ISO weekday: 1 = Monday … 7 = Sunday (星期一 … 星期日). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A calendar date split into its parts; `month` and `day` are 1-based. */
export interface YearMonthDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The local (Shanghai) day an instant falls on. */
export function dayOf(at: EpochMs): DayNumber {
  return Math.floor((at + SHANGHAI_UTC_OFFSET_MS) / MS_PER_DAY);
}

/** Local midnight at the start of a day. */
export function startOfDay(day: DayNumber): EpochMs {
  return day * MS_PER_DAY - SHANGHAI_UTC_OFFSET_MS;
}

/** The instant `minute` minutes after local midnight of `day` (08:30 → 510). */
export function instantAt(day: DayNumber, minute: number): EpochMs {
  return startOfDay(day) + minute * MS_PER_MINUTE;
}

/** Whole minutes since local midnight, 0…1439. */
export function minuteOfDay(at: EpochMs): number {
  return Math.floor((at - startOfDay(dayOf(at))) / MS_PER_MINUTE);
}

/** The day number of a calendar date (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function dayFromYearMonthDay(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar date of a day number (H. Hinnant's civil_from_days). */
export function yearMonthDayOf(dayNumber: DayNumber): YearMonthDay {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(day: DayNumber): number {
  return yearMonthDayOf(day).year;
}

export function daysInMonth(year: number, month: number): number {
  return (
    dayFromYearMonthDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) -
    dayFromYearMonthDay(year, month, 1)
  );
}

/** ISO weekday of a day; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: DayNumber): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function isWeekend(day: DayNumber): boolean {
  return weekdayOf(day) >= 6;
}

/** `YYYY-MM-DD` of a day. */
export function toLocalDate(day: DayNumber): LocalDate {
  const { year, month, day: dayOfMonth } = yearMonthDayOf(day);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`;
}

/** The local date an instant falls on in Shanghai. */
export function localDateOf(at: EpochMs): LocalDate {
  return toLocalDate(dayOf(at));
}

const LOCAL_DATE = /^(\d{4,})-(\d{2})-(\d{2})$/;

/**
 * T14: the instants this system takes as input, 2000-01-01 to the end of 2099 (Shanghai). Reading
 * stays total beyond them (a year past 9999 is written and read with more digits), so no event
 * the system once wrote becomes unreadable.
 */
export const EARLIEST_INPUT_INSTANT: EpochMs = Date.UTC(1999, 11, 31, 16, 0, 0);
export const LATEST_INPUT_INSTANT: EpochMs = Date.UTC(2099, 11, 31, 16, 0, 0) - 1;

export const withinInputRange = (at: EpochMs): boolean =>
  Number.isFinite(at) && at >= EARLIEST_INPUT_INSTANT && at <= LATEST_INPUT_INSTANT;

/** The day of a strict `YYYY-MM-DD` string, or undefined when it is not a real date (2025-02-29). */
export function parseLocalDate(text: string): DayNumber | undefined {
  const match = typeof text === 'string' ? LOCAL_DATE.exec(text) : null;
  if (match === null) return undefined;
  return realDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The day a year, month and day name, or undefined when they are no real date (2025-02-29). */
function realDay(year: number, month: number, day: number): DayNumber | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return dayFromYearMonthDay(year, month, day);
}

/**
 * An instant as ISO-8601 in Shanghai local time with its offset, e.g. `2025-10-14T17:30:00+08:00`.
 * Milliseconds are written only when not zero, so `parseInstant(toShanghaiIso(t)) === t`.
 */
export function toShanghaiIso(at: EpochMs): string {
  if (!Number.isFinite(at)) throw new RangeError(`not an instant: ${at}`);
  const ms = Math.floor(at);
  const day = dayOf(ms);
  const msOfDay = ms - startOfDay(day);
  const hours = Math.floor(msOfDay / 3_600_000);
  const minutes = Math.floor((msOfDay % 3_600_000) / MS_PER_MINUTE);
  const seconds = Math.floor((msOfDay % MS_PER_MINUTE) / 1_000);
  const millis = msOfDay % 1_000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  return `${toLocalDate(day)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}${fraction}+08:00`;
}

/** Thrown by `parseInstant` for text that is not an ISO-8601 instant with an offset. */
export class InvalidInstantError extends Error {
  override readonly name = 'InvalidInstantError';
  constructor(readonly text: string) {
    super(`not an ISO-8601 instant with an offset (e.g. 2025-10-14T17:30:00+08:00): ${JSON.stringify(text)}`);
  }
}

// Date, time to at least minutes, optional seconds and fraction, and a mandatory zone: an instant
// without an offset is ambiguous, and silently reading it in the host's zone is a classic bug.
const INSTANT =
  /^(\d{4,6})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;

/**
 * The instant an ISO-8601 string names, or undefined when it is malformed, names an impossible
 * date or time, or has no offset (`Z`, `+08:00`, `+0800` and `+08` are accepted). Fractions
 * beyond milliseconds are truncated.
 */
export function tryParseInstant(text: string): EpochMs | undefined {
  if (typeof text !== 'string') return undefined;
  if (isStoredShape(text))
    return instantOf(
      realDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10)),
      digitsAt(text, 11, 13),
      digitsAt(text, 14, 16),
      digitsAt(text, 17, 19),
      digitsAt(text, 20, 23),
      8 * 60,
    );
  const m = INSTANT.exec(text);
  if (m === null) return undefined;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  return instantOf(
    realDay(Number(m[1]), Number(m[2]), Number(m[3])),
    Number(m[4]),
    Number(m[5]),
    second,
    millis,
    offsetMinutes,
  );
}

/**
 * The instant of a day (undefined: no real date) at a time of day, local to an offset east of UTC;
 * undefined for an impossible time. Arguments, not an object: it runs for every instant read.
 */
function instantOf(
  date: DayNumber | undefined,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): EpochMs | undefined {
  if (date === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  return date * MS_PER_DAY + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1_000 + millis;
}

/** The shape the event store writes every instant in (`YYYY-MM-DDTHH:MM:SS.mmm+08:00`): `d` a digit. */
const STORED_SHAPE = 'dddd-dd-ddTdd:dd:dd.ddd+08:00';

/**
 * Whether `text` has the stored shape, which `tryParseInstant` then reads by character codes: every
 * projection reads every event's instants, and the regular expression's match arrays were a good
 * part of a rebuild's garbage.
 */
function isStoredShape(text: string): boolean {
  if (text.length !== STORED_SHAPE.length) return false;
  for (let i = 0; i < STORED_SHAPE.length; i++) {
    const code = text.charCodeAt(i);
    const expected = STORED_SHAPE.charCodeAt(i);
    if (expected === 100 /* d */ ? code < 48 || code > 57 : code !== expected) return false;
  }
  return true;
}

/** The number the ASCII digits of `text` from `from` to `to` write. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * The instant an ISO-8601 string with an offset names. Throws `InvalidInstantError` for anything
 * else: callers here read stored events and validated commands, where bad text is a bug; use
 * `tryParseInstant` to validate input.
 */
export function parseInstant(text: string): EpochMs {
  const at = tryParseInstant(text);
  if (at === undefined) throw new InvalidInstantError(text);
  return at;
}

const CLOCK_TIME = /^(\d{2}):(\d{2})$/;

/** Minutes after midnight of a strict `HH:MM` (00:00…23:59), or undefined. */
export function parseClockTime(text: string): number | undefined {
  const m = typeof text === 'string' ? CLOCK_TIME.exec(text) : null;
  if (m === null) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (hours > 23 || minutes > 59) return undefined;
  return hours * 60 + minutes;
}

/** `HH:MM` of a minute of the day (510 → `08:30`). */
export function formatClockTime(minute: number): string {
  return `${pad(Math.floor(minute / 60), 2)}:${pad(minute % 60, 2)}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
