import { FIRST_NOTICE_YEAR, LAST_NOTICE_YEAR } from '#domain/calendar/index.js';
import { ProblemException, problems } from '../../problem/problem-details.js';

/** `/admin/calendar/{year}`: a year the notices can cover (T2); 400 otherwise. */
export function parseYear(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= FIRST_NOTICE_YEAR && year <= LAST_NOTICE_YEAR))
    throw new ProblemException(
      problems.validation(`The year is a number from ${FIRST_NOTICE_YEAR} to ${LAST_NOTICE_YEAR}.`, [
        { field: 'year', message: `must be from ${FIRST_NOTICE_YEAR} to ${LAST_NOTICE_YEAR}` },
      ]),
    );
  return year;
}
