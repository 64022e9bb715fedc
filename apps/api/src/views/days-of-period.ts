/**
 * The figures of a department, a window or the center over days (S1 statistics, P7 evaluation
 * rates): the same scope and period parameters, and the same default, the current month up to today.
 */
import type { ApiQueryOptions } from '@nestjs/swagger';
import { dayFromYearMonthDay, dayOf, yearMonthDayOf } from '#domain/calendar/index.js';
import { SCOPE_QUERY } from './view-list-parameters.js';
import { invalidParameter } from './view-problems.js';

/** departmentId, windowId, then `from` and `to` with the route's examples. */
export function scopedPeriodQueries(example: { from: string; to: string }): ApiQueryOptions[] {
  return [
    SCOPE_QUERY.departmentId,
    SCOPE_QUERY.windowId,
    { name: 'from', example: example.from },
    { name: 'to', example: example.to },
  ];
}

/** The longest period a view sums over: a year, leap day included. */
export const MAX_PERIOD_DAYS = 366;

/**
 * The days asked for, both included (day numbers): without `from` the first of the current month,
 * without `to` today; `to` before `from`, or more than MAX_PERIOD_DAYS days, is a 400.
 */
export function daysOfPeriod(
  now: number,
  asked: { from: number | undefined; to: number | undefined },
): { from: number; to: number } {
  const today = dayOf(now);
  const { year, month } = yearMonthDayOf(today);
  const from = asked.from ?? dayFromYearMonthDay(year, month, 1);
  const to = asked.to ?? today;
  if (to < from) throw invalidParameter('to', 'must not be before from');
  if (to - from + 1 > MAX_PERIOD_DAYS)
    throw invalidParameter('to', `must be at most ${MAX_PERIOD_DAYS} days after from`);
  return { from, to };
}
