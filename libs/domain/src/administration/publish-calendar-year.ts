import { validateYearNotice, type YearNotice } from '../calendar/index.js';
import { administrationDecider, type AdministrationDecider } from './administration-decider.js';
import { refuseCalendarProblems } from './administration-error.js';
import type { CalendarYearPublished } from './administration-events.js';

/**
 * T2: a year's State Council holiday notice, taken through the API without a deploy. Checked with
 * `validateYearNotice` before it is recorded: a wrong date would silently move every deadline that
 * crosses it. Republishing a year replaces the earlier notice for deadlines computed from then on;
 * deadlines already told keep the calendar version they name (T9).
 */
export const publishCalendarYear: AdministrationDecider<YearNotice, CalendarYearPublished> =
  administrationDecider({
    type: 'CalendarYearPublished',
    roles: ['admin'],
    what: 'publish holiday notices',
    refusal: (notice) => {
      const problems = validateYearNotice(notice);
      return problems.length > 0
        ? refuseCalendarProblems(`The holiday notice for ${notice.year} is invalid (T2)`, problems, (path) =>
            path === 'source' ? 'notice' : path,
          )
        : undefined;
    },
    data: (notice) => ({
      year: notice.year,
      source: notice.source,
      holidays: [...new Set(notice.holidays)].sort(),
      workdays: [...new Set(notice.workdays)].sort(),
    }),
  });
