/**
 * A center's office hours (T1): the periods of a working day in which office time runs.
 */
import type { OfficeHours, OfficePeriod } from './calendar-types.js';
import { formatClockTime, parseClockTime } from './shanghai-time.js';

/** T1, seed 000: 08:30–12:00 and 14:30–17:30, 390 office minutes a day. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  periods: Object.freeze([Object.freeze({ start: 510, end: 720 }), Object.freeze({ start: 870, end: 1050 })]),
});

/** Office hours as people write them: `{ start: "08:30", end: "12:00" }`. */
export interface OfficePeriodText {
  readonly start: string;
  readonly end: string;
}

export type OfficeHoursProblemCode =
  | 'T1_OFFICE_HOURS_EMPTY'
  | 'T1_OFFICE_TIME_INVALID'
  | 'T1_OFFICE_PERIOD_EMPTY'
  | 'T1_OFFICE_PERIODS_UNSORTED'
  | 'T1_OFFICE_PERIODS_OVERLAP';

export interface OfficeHoursProblem {
  readonly code: OfficeHoursProblemCode;
  /** The offending field, e.g. `periods[1].start`. */
  readonly path: string;
  readonly message: string;
}

export type ParseOfficeHoursResult =
  | { readonly ok: true; readonly hours: OfficeHours }
  | { readonly ok: false; readonly problems: readonly OfficeHoursProblem[] };

/**
 * Office hours from `HH:MM` periods, or every problem found: at least one period, each a real
 * time with start before end, in order and not overlapping (touching periods are allowed).
 */
export function parseOfficeHours(periods: readonly OfficePeriodText[]): ParseOfficeHoursResult {
  const problems: OfficeHoursProblem[] = [];
  if (!Array.isArray(periods) || periods.length === 0) {
    return {
      ok: false,
      problems: [
        { code: 'T1_OFFICE_HOURS_EMPTY', path: 'periods', message: 'at least one office period is required' },
      ],
    };
  }
  const parsed: OfficePeriod[] = [];
  periods.forEach((period, index) => {
    const start = clockTime(period?.start, `periods[${index}].start`, problems);
    const end = clockTime(period?.end, `periods[${index}].end`, problems);
    if (start === undefined || end === undefined) return;
    if (start >= end) {
      problems.push({
        code: 'T1_OFFICE_PERIOD_EMPTY',
        path: `periods[${index}]`,
        message: `a period must start before it ends: ${period.start}–${period.end}`,
      });
      return;
    }
    const previous = parsed[parsed.length - 1];
    if (previous !== undefined && start < previous.end) {
      const unsorted = start < previous.start;
      problems.push({
        code: unsorted ? 'T1_OFFICE_PERIODS_UNSORTED' : 'T1_OFFICE_PERIODS_OVERLAP',
        path: `periods[${index}]`,
        message: unsorted
          ? `periods must be in order of time: ${period.start} comes before the previous period`
          : `${period.start}–${period.end} overlaps the previous period`,
      });
      return;
    }
    parsed.push({ start, end });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, hours: { periods: parsed } };
}

/** Office minutes in one working day (390 for the default hours). */
export function officeMinutesPerDay(hours: OfficeHours): number {
  let minutes = 0;
  for (const period of hours.periods) minutes += period.end - period.start;
  return minutes;
}

/** Office hours back in `HH:MM` form, for views and forms. */
export function formatOfficeHours(hours: OfficeHours): OfficePeriodText[] {
  return hours.periods.map((p) => ({ start: formatClockTime(p.start), end: formatClockTime(p.end) }));
}

function clockTime(text: unknown, path: string, problems: OfficeHoursProblem[]): number | undefined {
  const minute = typeof text === 'string' ? parseClockTime(text) : undefined;
  if (minute === undefined) {
    problems.push({
      code: 'T1_OFFICE_TIME_INVALID',
      path,
      message: `not a time of day HH:MM: ${String(text)}`,
    });
  }
  return minute;
}
