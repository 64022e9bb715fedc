/** The working-day calendar and office time (T1–T4, T6, T7, T11). */
export type {
  CalendarResult,
  DayNumber,
  EpochMs,
  LocalDate,
  OfficeHours,
  OfficePeriod,
  WorkingCalendar,
  YearNotice,
} from './calendar-types.js';
export {
  dayFromYearMonthDay,
  dayOf,
  daysInMonth,
  formatClockTime,
  instantAt,
  InvalidInstantError,
  isWeekend,
  localDateOf,
  minuteOfDay,
  MINUTES_PER_DAY,
  MS_PER_DAY,
  MS_PER_MINUTE,
  parseClockTime,
  parseInstant,
  parseLocalDate,
  SHANGHAI_UTC_OFFSET_MS,
  startOfDay,
  toLocalDate,
  toShanghaiIso,
  tryParseInstant,
  weekdayOf,
  yearMonthDayOf,
  yearOf,
  EARLIEST_INPUT_INSTANT,
  LATEST_INPUT_INSTANT,
  withinInputRange,
} from './shanghai-time.js';
export type { IsoWeekday, YearMonthDay } from './shanghai-time.js';
export { BUILT_IN_NOTICES, BUILT_IN_SOURCE } from './built-in-notices.js';
export { calendarVersion, fnv1a32 } from './calendar-version.js';
export {
  FIRST_NOTICE_YEAR,
  InvalidYearNoticeError,
  LAST_NOTICE_YEAR,
  validateYearNotice,
} from './year-notice-validation.js';
export type { YearNoticeProblem, YearNoticeProblemCode } from './year-notice-validation.js';
export { createWorkingCalendar } from './create-working-calendar.js';
export {
  DEFAULT_OFFICE_HOURS,
  formatOfficeHours,
  officeMinutesPerDay,
  parseOfficeHours,
} from './office-hours.js';
export type {
  OfficeHoursProblem,
  OfficeHoursProblemCode,
  OfficePeriodText,
  ParseOfficeHoursResult,
} from './office-hours.js';
export {
  addOfficeMinutes,
  closeOfOffice,
  deadlineAfterWorkingDays,
  isOfficeTime,
  officeMinutesBetween,
  shiftByOfficeMinutes,
} from './office-time.js';
export type { OfficeClock } from './office-time.js';
