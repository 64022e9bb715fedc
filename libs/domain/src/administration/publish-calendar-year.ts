import type { Actor } from '../actor/actor.js';
import { validateYearNotice, type YearNotice } from '../calendar/index.js';
import { refuseAdministration, requireRole, type AdministrationError } from './administration-error.js';
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
  if (problems.length > 0) {
    const first = problems[0]!;
    // The catalog's category: a notice of the wrong shape is invalid, a wrong date breaks T2.
    return refuseAdministration(
      first.code,
      `The holiday notice for ${notice.year} is invalid (T2): ${problems.map((p) => p.message).join('; ')}.`,
      problems.map((p) => ({ field: p.path === 'source' ? 'notice' : p.path, message: p.message })),
    );
  }
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
