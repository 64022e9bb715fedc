/**
 * Checks a State Council holiday notice (T2) before it is recorded or used: a wrong date in a
 * notice would silently move every deadline that crosses it.
 */
import type { DayNumber, LocalDate, YearNotice } from './calendar-types.js';
import { dayFromYearMonthDay, isWeekend, parseLocalDate } from './shanghai-time.js';

/** The years a notice may be given for; far outside this is a typo, and would bloat the day table. */
export const FIRST_NOTICE_YEAR = 1949;
export const LAST_NOTICE_YEAR = 2200;

export type YearNoticeProblemCode =
  | 'T2_YEAR_INVALID'
  | 'T2_SOURCE_MISSING'
  | 'T2_DATE_INVALID'
  | 'T2_DATE_OUTSIDE_YEAR'
  | 'T2_DAY_BOTH_HOLIDAY_AND_WORKDAY'
  | 'T2_WORKDAY_NOT_WEEKEND';

export interface YearNoticeProblem {
  readonly code: YearNoticeProblemCode;
  /** The offending field, e.g. `holidays[2]`. */
  readonly path: string;
  readonly message: string;
}

/** Thrown by `createWorkingCalendar` for a notice that fails `validateYearNotice`. */
export class InvalidYearNoticeError extends Error {
  override readonly name = 'InvalidYearNoticeError';
  constructor(
    readonly year: number,
    readonly problems: readonly YearNoticeProblem[],
  ) {
    super(`invalid holiday notice for ${year}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  }
}

/**
 * Every problem with a notice; empty when it can be used.
 *
 * A notice may arrange days at the edge of the neighbouring years (the 2019 notice made
 * 2018-12-31 a holiday and Saturday 2018-12-29 a working day), so dates from the previous
 * December to the next January are accepted. Holidays on weekends are harmless and allowed;
 * an adjusted working day must be a weekend day, since listing a weekday changes nothing and is
 * most likely a typo.
 */
export function validateYearNotice(notice: YearNotice): readonly YearNoticeProblem[] {
  const problems: YearNoticeProblem[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < FIRST_NOTICE_YEAR || year > LAST_NOTICE_YEAR) {
    problems.push({
      code: 'T2_YEAR_INVALID',
      path: 'year',
      message: `year must be an integer from ${FIRST_NOTICE_YEAR} to ${LAST_NOTICE_YEAR}`,
    });
    return problems;
  }
  if (typeof notice.source !== 'string' || notice.source.trim() === '') {
    problems.push({
      code: 'T2_SOURCE_MISSING',
      path: 'source',
      message: 'the notice title or data source is required',
    });
  }
  const earliest = dayFromYearMonthDay(year - 1, 12, 1);
  const latest = dayFromYearMonthDay(year + 1, 1, 31);
  const holidays = checkDates(notice.holidays, 'holidays', year, earliest, latest, problems);
  const workdays = checkDates(notice.workdays, 'workdays', year, earliest, latest, problems);
  notice.workdays.forEach((date, index) => {
    const day = workdays.byIndex.get(index);
    if (day === undefined) return;
    if (holidays.days.has(day)) {
      problems.push({
        code: 'T2_DAY_BOTH_HOLIDAY_AND_WORKDAY',
        path: `workdays[${index}]`,
        message: `${date} is listed both as a holiday and as a working day`,
      });
    } else if (!isWeekend(day)) {
      problems.push({
        code: 'T2_WORKDAY_NOT_WEEKEND',
        path: `workdays[${index}]`,
        message: `${date} is a weekday; only weekend days can be adjusted working days`,
      });
    }
  });
  return problems;
}

interface CheckedDates {
  /** Position in the list → day, for the valid dates. */
  readonly byIndex: ReadonlyMap<number, DayNumber>;
  readonly days: ReadonlySet<DayNumber>;
}

/** Parses each date of one list, recording its problems. */
function checkDates(
  dates: readonly LocalDate[],
  field: 'holidays' | 'workdays',
  year: number,
  earliest: DayNumber,
  latest: DayNumber,
  problems: YearNoticeProblem[],
): CheckedDates {
  const byIndex = new Map<number, DayNumber>();
  const days = new Set<DayNumber>();
  dates.forEach((date, index) => {
    const day = parseLocalDate(date);
    if (day === undefined) {
      problems.push({
        code: 'T2_DATE_INVALID',
        path: `${field}[${index}]`,
        message: `not a YYYY-MM-DD date: ${date}`,
      });
    } else if (day < earliest || day > latest) {
      problems.push({
        code: 'T2_DATE_OUTSIDE_YEAR',
        path: `${field}[${index}]`,
        message: `${date} is outside ${year} and the adjacent December and January`,
      });
    } else {
      byIndex.set(index, day);
      days.add(day);
    }
  });
  return { byIndex, days };
}
