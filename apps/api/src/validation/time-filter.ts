/**
 * The one parser of time filters on every route (API.md "Conventions"): `from`, `to`, `asOf`,
 * `deadlineBefore`, `deadlineAfter` … take an instant with an offset or a date `YYYY-MM-DD`, the
 * whole day in Asia/Shanghai: a date as a lower bound starts at that day's 00:00, as an upper bound
 * it includes the whole day (up to the next day's 00:00, exclusive). An unencoded `+` in a query
 * string arrives as a space (`…T09:00:00 08:00`): the answer says so and asks for `%2B`.
 */
import {
  MS_PER_DAY,
  parseLocalDate,
  startOfDay,
  tryParseInstant,
  withinInputRange,
} from '#domain/calendar/index.js';
import { ProblemException, problems } from '../problem/problem-details.js';

/**
 * `start`: a lower bound (from, deadlineAfter); `end`: an upper bound, exclusive (to,
 * deadlineBefore); `at`: an instant asked about (asOf), where a date means the end of that day.
 */
export type TimeBound = 'start' | 'end' | 'at';

const PLUS_AS_SPACE = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)? \d{2}(?::?\d{2})?$/;

export const timeFilterMessage = (value: unknown): string =>
  typeof value === 'string' && PLUS_AS_SPACE.test(value)
    ? 'has a space where its offset’s + should be: a + in a query string arrives as a space, send it as %2B (2026-03-02T09:00:00%2B08:00)'
    : 'must be an ISO-8601 instant with an offset (2026-03-02T09:00:00%2B08:00) or a date YYYY-MM-DD';

/** T14: a filter names a moment of 2000–2099, as every instant the API takes does. */
const OUT_OF_RANGE = 'must lie within the years 2000–2099 (T14)';

export function timeFilter(field: string, value: unknown, bound: TimeBound): number | undefined {
  if (value === undefined) return undefined;
  const refuse = (message: string): never => {
    throw new ProblemException(problems.validation(`${field} ${message}.`, [{ field, message }]));
  };
  if (typeof value === 'string') {
    const day = parseLocalDate(value);
    if (day !== undefined) {
      if (!withinInputRange(startOfDay(day))) refuse(OUT_OF_RANGE);
      return bound === 'start' ? startOfDay(day) : startOfDay(day) + MS_PER_DAY - (bound === 'at' ? 1 : 0);
    }
    const instant = tryParseInstant(value);
    if (instant !== undefined) return withinInputRange(instant) ? instant : refuse(OUT_OF_RANGE);
  }
  return refuse(timeFilterMessage(value));
}
