/**
 * The working-day calendar (T2, T4, T11), built once and then answering in O(1) per call.
 *
 * Every covered day from 1 January of the first covered year to 31 December of the last gets a
 * slot in a table; a cumulative count of working days over it turns "working days between" into
 * a subtraction, and a list of the working days in order turns "the Nth working day after" into
 * an index. Days before and after the table are weekdays only (T2: an uncovered year is never
 * silently treated as ordinary, so those results are provisional), counted with a closed formula.
 * An uncovered year between two covered ones is filled weekdays-only in the table and marked
 * provisional the same way.
 */
import { BUILT_IN_NOTICES, BUILT_IN_SOURCE } from './built-in-notices.js';
import type { CalendarResult, DayNumber, WorkingCalendar, YearNotice } from './calendar-types.js';
import { calendarVersion } from './calendar-version.js';
import { dayFromYearMonthDay, isWeekend, parseLocalDate } from './shanghai-time.js';
import { InvalidYearNoticeError, validateYearNotice } from './year-notice-validation.js';

/**
 * A calendar of the built-in notices plus `extraNotices`, the notices recorded since through the
 * API (T2, `CalendarYearPublished`). A recorded notice for a year replaces the built-in one; when
 * several are given for one year the last wins, as a later correction would.
 *
 * Throws `InvalidYearNoticeError` for a notice that fails `validateYearNotice` (validate before
 * recording; a recorded event should never fail here).
 */
export function createWorkingCalendar(extraNotices: readonly YearNotice[] = []): WorkingCalendar {
  const recorded = new Map<number, YearNotice>();
  for (const notice of extraNotices) {
    const problems = validateYearNotice(notice);
    if (problems.length > 0) throw new InvalidYearNoticeError(notice.year, problems);
    recorded.set(notice.year, notice);
  }
  const notices = new Map<number, YearNotice>(BUILT_IN_NOTICES.map((n) => [n.year, n]));
  for (const [year, notice] of recorded) notices.set(year, notice);

  const coveredYears = Object.freeze([...notices.keys()].sort((a, b) => a - b));
  const table = buildDayTable(coveredYears, notices);
  const version = calendarVersion(BUILT_IN_SOURCE, [...recorded.values()]);
  return calendarOver(table, version, coveredYears, notices);
}

/** Precomputed days of the covered span [firstDay, endDay). */
interface DayTable {
  readonly firstDay: DayNumber;
  /** Exclusive. */
  readonly endDay: DayNumber;
  /** 1 for a working day, by `day - firstDay`. */
  readonly working: Uint8Array;
  /** `workingBefore[i]`: working days among the first i table days; length = days + 1. */
  readonly workingBefore: Int32Array;
  /** The table's working days in order: the working day of rank r (1-based) is `workingDays[r - 1]`. */
  readonly workingDays: Int32Array;
  /** `uncoveredBefore[i]`: days of uncovered years among the first i table days (gaps between notices). */
  readonly uncoveredBefore: Int32Array;
  readonly hasGaps: boolean;
}

function buildDayTable(coveredYears: readonly number[], notices: ReadonlyMap<number, YearNotice>): DayTable {
  const firstYear = coveredYears[0];
  const lastYear = coveredYears[coveredYears.length - 1];
  const firstDay = firstYear === undefined ? 0 : dayFromYearMonthDay(firstYear, 1, 1);
  const endDay = lastYear === undefined ? 0 : dayFromYearMonthDay(lastYear + 1, 1, 1);
  const size = endDay - firstDay;

  const working = new Uint8Array(size);
  for (let i = 0; i < size; i++) working[i] = isWeekend(firstDay + i) ? 0 : 1;

  const covered = new Set(coveredYears);
  const uncovered = new Uint8Array(size);
  let hasGaps = false;
  for (let year = firstYear ?? 0; lastYear !== undefined && year <= lastYear; year++) {
    if (covered.has(year)) continue;
    hasGaps = true;
    const from = dayFromYearMonthDay(year, 1, 1) - firstDay;
    const to = dayFromYearMonthDay(year + 1, 1, 1) - firstDay;
    uncovered.fill(1, from, to);
  }

  // Ascending years, so a notice's arrangement of a neighbouring year's edge (the 2019 notice's
  // 2018-12-31) overrides what the earlier year's notice said. A date lying in an uncovered year
  // is not applied: that year stays weekdays-only until its own notice arrives (T2).
  const mark = (date: string, value: 0 | 1): void => {
    const day = parseLocalDate(date);
    if (day === undefined || day < firstDay || day >= endDay || uncovered[day - firstDay] === 1) return;
    working[day - firstDay] = value;
  };
  for (const year of coveredYears) {
    const notice = notices.get(year);
    if (notice === undefined) continue;
    for (const date of notice.holidays) mark(date, 0);
    for (const date of notice.workdays) mark(date, 1);
  }

  const workingBefore = new Int32Array(size + 1);
  const uncoveredBefore = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) {
    workingBefore[i + 1] = workingBefore[i] + working[i];
    uncoveredBefore[i + 1] = uncoveredBefore[i] + uncovered[i];
  }
  const workingDays = new Int32Array(workingBefore[size]);
  for (let i = 0, r = 0; i < size; i++) if (working[i] === 1) workingDays[r++] = firstDay + i;

  return { firstDay, endDay, working, workingBefore, workingDays, uncoveredBefore, hasGaps };
}

/**
 * Weekdays from Monday 1969-12-29 (day -3) through `day`, for any integer day (negative before it):
 * the weekdays-only count used outside the table.
 */
function weekdaysThrough(day: DayNumber): number {
  const k = day + 4;
  const weeks = Math.floor(k / 7);
  return 5 * weeks + Math.min(k - 7 * weeks, 5);
}

/** The earliest day with `weekdaysThrough(day) >= count`: the count-th weekday from day -3. */
function weekdayNumbered(count: number): DayNumber {
  const weeks = Math.floor((count - 1) / 5);
  return -3 + 7 * weeks + (count - 1 - 5 * weeks);
}

function calendarOver(
  table: DayTable,
  version: string,
  coveredYears: readonly number[],
  notices: ReadonlyMap<number, YearNotice>,
): WorkingCalendar {
  const { firstDay, endDay, working, workingBefore, workingDays, uncoveredBefore, hasGaps } = table;
  const total = workingDays.length;
  const weekdaysBeforeTable = weekdaysThrough(firstDay - 1);
  const weekdaysThroughTableEnd = weekdaysThrough(endDay - 1);

  /** Working days from the table's start through `day` (negative before it): a monotone rank. */
  const rank = (day: DayNumber): number => {
    if (day < firstDay) return weekdaysThrough(day) - weekdaysBeforeTable;
    if (day < endDay) return workingBefore[day - firstDay + 1];
    return total + weekdaysThrough(day) - weekdaysThroughTableEnd;
  };

  /** The earliest day whose rank reaches `r`: the working day of rank r. */
  const dayOfRank = (r: number): DayNumber => {
    if (r <= 0) return weekdayNumbered(r + weekdaysBeforeTable);
    if (r <= total) return workingDays[r - 1];
    return weekdayNumbered(r - total + weekdaysThroughTableEnd);
  };

  /** Whether any day in [lo, hi] lies in an uncovered year. */
  const touchesUncovered = (lo: DayNumber, hi: DayNumber): boolean => {
    if (lo > hi) return false;
    if (lo < firstDay || hi >= endDay) return true;
    return hasGaps && uncoveredBefore[hi - firstDay + 1] !== uncoveredBefore[lo - firstDay];
  };

  const isWorkingDay = (day: DayNumber): boolean =>
    day >= firstDay && day < endDay ? working[day - firstDay] === 1 : !isWeekend(day);

  const addWorkingDays = (day: DayNumber, n: number): CalendarResult<DayNumber> => {
    requireInteger(day, 'day');
    requireInteger(n, 'n');
    if (n > 0) {
      // T4, T11: `day` itself is not counted; the answer is a working day, so a period never ends
      // on a day off.
      const value = dayOfRank(rank(day) + n);
      return { value, provisional: touchesUncovered(day + 1, value) };
    }
    if (n === 0) {
      const value = dayOfRank(rank(day - 1) + 1);
      return { value, provisional: touchesUncovered(day, value) };
    }
    // n < 0: the |n|th working day before `day`, `day` not counted.
    const value = dayOfRank(rank(day - 1) + n + 1);
    return { value, provisional: touchesUncovered(value, day - 1) };
  };

  const workingDaysBetween = (from: DayNumber, to: DayNumber): CalendarResult<number> => {
    requireInteger(from, 'from');
    requireInteger(to, 'to');
    if (from <= to) return { value: rank(to) - rank(from), provisional: touchesUncovered(from + 1, to) };
    return { value: rank(to) - rank(from), provisional: touchesUncovered(to + 1, from) };
  };

  return {
    version,
    coveredYears,
    covers: (year: number) => notices.has(year),
    isWorkingDay,
    addWorkingDays,
    workingDaysBetween,
    yearNotice: (year: number) => notices.get(year),
  };
}

function requireInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}
