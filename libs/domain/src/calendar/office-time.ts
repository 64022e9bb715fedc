/**
 * Office time (T1, T3, T4, T6, T7, T11): deadlines and durations that count only the office hours
 * of working days.
 *
 * Think of a clock that runs only during office hours on working days. Its reading at an instant
 * is (office time of one day) × (working days before that day) + (office time already gone that
 * day). Every function here is that reading or its inverse, built on the calendar's O(1)
 * working-day arithmetic, so a span of years costs the same as a span of minutes.
 *
 * Minutes are exact to the millisecond: instants off a whole minute give fractional minutes.
 */
import type { CalendarResult, DayNumber, EpochMs, OfficeHours, WorkingCalendar } from './calendar-types.js';
import { officeMinutesPerDay } from './office-hours.js';
import { dayOf, MS_PER_MINUTE, startOfDay } from './shanghai-time.js';

export { DEFAULT_OFFICE_HOURS, officeMinutesPerDay, parseOfficeHours } from './office-hours.js';

/** A center's calendar and office hours: everything needed to count office time there. */
export interface OfficeClock {
  readonly calendar: WorkingCalendar;
  readonly hours: OfficeHours;
}

/** The end of the last office period of `day` (17:30 by default): when a day-counted limit falls due. */
export function closeOfOffice(clock: OfficeClock, day: DayNumber): EpochMs {
  const periods = clock.hours.periods;
  const last = periods[periods.length - 1];
  if (last === undefined) throw new RangeError('office hours have no periods');
  return startOfDay(day) + last.end * MS_PER_MINUTE;
}

/**
 * Due at close of office on the Nth working day after the local day of `from`, that day itself not
 * counted (T4, T11: accepted Tue 2025-09-30 10:00 with 5 days → 2025-10-14 17:30). The same rule
 * moves a deadline on an extension, `from` being the old deadline (T7). n = 0 is close of office
 * the same day, or of the next working day when `from` falls on a day off.
 */
export function deadlineAfterWorkingDays(
  clock: OfficeClock,
  from: EpochMs,
  n: number,
): CalendarResult<EpochMs> {
  const due = clock.calendar.addWorkingDays(dayOf(from), n);
  return { value: closeOfOffice(clock, due.value), provisional: due.provisional };
}

/**
 * The instant `minutes` office minutes after `from` (T3: an immediate case is due 30 office
 * minutes after acceptance; T6: a deadline moves later by the office time suspended).
 *
 * Counting starts at the next office period when `from` lies outside office time. The answer is
 * the earliest instant at which the minutes are used up, so running out exactly at a period's end
 * answers that end (12:00, 17:30), not the next period's start. Negative minutes count backwards
 * to the earliest instant with that much office time left before `from` (C1: a warning one
 * working day before a Monday 17:30 deadline is Friday 17:30). Zero minutes answer `from` itself.
 */
export function addOfficeMinutes(
  clock: OfficeClock,
  from: EpochMs,
  minutes: number,
): CalendarResult<EpochMs> {
  if (!Number.isFinite(from) || !Number.isFinite(minutes)) {
    throw new RangeError(`addOfficeMinutes needs finite numbers, got ${from} and ${minutes}`);
  }
  const shift = Math.round(minutes * MS_PER_MINUTE);
  if (shift === 0) return { value: from, provisional: false };
  const { calendar, hours } = clock;
  const perDay = officeMinutesPerDay(hours) * MS_PER_MINUTE;
  if (!(perDay > 0)) throw new RangeError('office hours have no office time');

  const day = dayOf(from);
  const today = calendar.workingDaysBetween(day - 1, day); // 1 when `day` is a working day
  const isWorking = today.value === 1;
  // Office time from the start of `day`'s office hours to the answer.
  const reach = (isWorking ? officeMsInto(hours, from - startOfDay(day)) : 0) + shift;
  // Which working day the answer lies on: 1 is `day` (or the next working day when `day` is off),
  // 2 the one after, 0 the one before, and so on; `into` is the office time gone on it, in (0, perDay].
  const slot = Math.ceil(reach / perDay);
  const into = reach - (slot - 1) * perDay;

  if (slot === 1 && isWorking)
    return { value: startOfDay(day) + instantInDay(hours, into), provisional: today.provisional };
  const target = slot >= 1 ? calendar.addWorkingDays(day - 1, slot) : calendar.addWorkingDays(day, slot - 1);
  return {
    value: startOfDay(target.value) + instantInDay(hours, into),
    provisional: today.provisional || target.provisional,
  };
}

/** The same as `addOfficeMinutes`: moving a deadline by the office time of a suspension (T6). */
export const shiftByOfficeMinutes = addOfficeMinutes;

/**
 * Office minutes in [from, to) (T6: a pause over a night or a holiday counts only the office time
 * inside it, once; also remaining time, time overdue and warning lead, C1). Negative when
 * `to` is before `from`: −officeMinutesBetween(to, from).
 */
export function officeMinutesBetween(clock: OfficeClock, from: EpochMs, to: EpochMs): CalendarResult<number> {
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new RangeError(`officeMinutesBetween needs finite instants, got ${from} and ${to}`);
  }
  if (to < from) {
    const forward = officeMinutesBetween(clock, to, from);
    return { value: 0 - forward.value, provisional: forward.provisional };
  }
  if (to === from) return { value: 0, provisional: false };
  const { calendar, hours } = clock;
  const perDay = officeMinutesPerDay(hours) * MS_PER_MINUTE;
  const fromDay = dayOf(from);
  const toDay = dayOf(to);
  const span = calendar.workingDaysBetween(fromDay - 1, toDay); // working days in [fromDay, toDay]
  const fromWorking = calendar.isWorkingDay(fromDay);
  const toWorking = toDay === fromDay ? fromWorking : calendar.isWorkingDay(toDay);
  const wholeDays = span.value - (toWorking ? 1 : 0); // working days in [fromDay, toDay)
  const ms =
    wholeDays * perDay +
    (toWorking ? officeMsInto(hours, to - startOfDay(toDay)) : 0) -
    (fromWorking ? officeMsInto(hours, from - startOfDay(fromDay)) : 0);
  return { value: ms / MS_PER_MINUTE, provisional: span.provisional };
}

/** Whether `at` lies in an office period, [start, end), of a working day. */
export function isOfficeTime(clock: OfficeClock, at: EpochMs): boolean {
  const day = dayOf(at);
  if (!clock.calendar.isWorkingDay(day)) return false;
  const minute = (at - startOfDay(day)) / MS_PER_MINUTE;
  return clock.hours.periods.some((p) => minute >= p.start && minute < p.end);
}

/** Office time (ms) gone in a day by `msOfDay`, as if the day were a working day. */
function officeMsInto(hours: OfficeHours, msOfDay: number): number {
  let gone = 0;
  for (const period of hours.periods) {
    const start = period.start * MS_PER_MINUTE;
    if (msOfDay <= start) break;
    const end = period.end * MS_PER_MINUTE;
    if (msOfDay < end) return gone + msOfDay - start;
    gone += end - start;
  }
  return gone;
}

/** The earliest ms of the day by which `into` ms of office time (0 < into ≤ a day's) are gone. */
function instantInDay(hours: OfficeHours, into: number): number {
  let left = into;
  for (const period of hours.periods) {
    const length = (period.end - period.start) * MS_PER_MINUTE;
    if (left <= length) return period.start * MS_PER_MINUTE + left;
    left -= length;
  }
  const last = hours.periods[hours.periods.length - 1];
  return last === undefined ? 0 : last.end * MS_PER_MINUTE;
}
