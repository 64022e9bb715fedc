/**
 * The working-day calendar's vocabulary (T1, T2, T11). Implementations live beside this file.
 *
 * Time in the domain is an epoch-millisecond number (`EpochMs`); the local time zone is always
 * Asia/Shanghai (UTC+8, no daylight saving), so a local day is a plain integer (`DayNumber`).
 */

/** Milliseconds since 1970-01-01T00:00:00Z. */
export type EpochMs = number;

/** Days since 1970-01-01 in Asia/Shanghai: day 0 is 1970-01-01 local. */
export type DayNumber = number;

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** One span of office time within a day, in minutes after local midnight (08:30 → 510). */
export interface OfficePeriod {
  readonly start: number;
  readonly end: number;
}

/** A center's office hours (T1): sorted, non-overlapping periods, the same on every working day. */
export interface OfficeHours {
  readonly periods: readonly OfficePeriod[];
}

/** A State Council holiday notice for one year (T2), as recorded by `CalendarYearPublished`. */
export interface YearNotice {
  readonly year: number;
  /** Where the data comes from: the notice's title, or `chinese-days@<version>`. */
  readonly source: string;
  /** Statutory holidays falling on weekdays and weekends alike (days off). */
  readonly holidays: readonly LocalDate[];
  /** Adjusted working days (调休): weekend days that are worked. */
  readonly workdays: readonly LocalDate[];
}

/** A day count or an instant computed from the calendar, with whether an uncovered year was used (T2). */
export interface CalendarResult<T> {
  readonly value: T;
  /** True when the result depends on a year the calendar has no notice for (weekdays-only guess). */
  readonly provisional: boolean;
}

export interface WorkingCalendar {
  /** Identifies the data the calendar was built from; stored with every deadline (T9). */
  readonly version: string;
  /** The years with a published notice, ascending. */
  readonly coveredYears: readonly number[];
  covers(year: number): boolean;
  isWorkingDay(day: DayNumber): boolean;
  /**
   * The Nth working day after `day`, `day` itself not counted (T4, T11). n = 0 answers `day` when it
   * is a working day, otherwise the next working day. Negative n counts backwards: the |n|th working
   * day before `day`, `day` not counted. Throws RangeError for a non-integer day or n.
   */
  addWorkingDays(day: DayNumber, n: number): CalendarResult<DayNumber>;
  /** Working days in (from, to]: `from` not counted, `to` counted; negative when to < from. */
  workingDaysBetween(from: DayNumber, to: DayNumber): CalendarResult<number>;
  /** The notice this calendar used for a year, or undefined when the year is not covered. */
  yearNotice(year: number): YearNotice | undefined;
}
