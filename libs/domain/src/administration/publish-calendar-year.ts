import type { Actor } from '../actor/actor.js';
import { validateYearNotice, type YearNotice } from '../calendar/index.js';
import { refuseCalendarProblems, requireRole, type AdministrationError } from './administration-error.js';
import type { CalendarYearPublished } from './administration-events.js';

/** Problems that mean malformed input rather than a notice breaking a calendar rule. */

/**
 * T2: a year's State Council holiday notice, taken through the API without a deploy. Checked with
 * `validateYearNotice` before it is recorded: a wrong date would silently move every deadline that
 * crosses it. Republishing a year replaces the earlier notice for deadlines computed from then on;
 * deadlines already told keep the calendar version they name (T9).
 */
export function publishCalendarYear(
  notice: YearNotice,
  actor: Actor,
  occurredAt: string,
): CalendarYearPublished | AdministrationError {
  const denied = requireRole(actor, ['admin'], 'publish holiday notices');
  if (denied) return denied;
  const problems = validateYearNotice(notice);
  if (problems.length > 0)
    return refuseCalendarProblems(
      `The holiday notice for ${notice.year} is invalid (T2)`,
      problems,
      (path) => (path === 'source' ? 'notice' : path),
    );
  return {
    type: 'CalendarYearPublished',
    schemaVersion: 1,
    occurredAt,
    actor,
    data: {
      year: notice.year,
      source: notice.source,
      holidays: [...new Set(notice.holidays)].sort(),
      workdays: [...new Set(notice.workdays)].sort(),
    },
  };
}
