/**
 * The holiday notices the calendar ships with (T2), derived from the `chinese-days` package's raw
 * data: every statutory day off (`holidays`, weekend ones included) and every adjusted working day
 * (`workdays`, 调休), keyed by date. Its own `isWorkday` is not used: it cannot tell a year it
 * knows from one it does not, and calls 2027-01-01 a working day (DESIGN.md, toolchain facts).
 */
import type { LocalDate, YearNotice } from './calendar-types.js';

// A dynamic import, awaited once at load: a static JSON import needs the `with { type: 'json' }`
// attribute, which the test transformer (swc) strips.
const [{ default: chineseDaysData }, { default: chineseDaysPackage }] = await Promise.all([
  import('chinese-days/dist/chinese-days.json', { with: { type: 'json' } }),
  import('chinese-days/package.json', { with: { type: 'json' } }),
]);

/** Names the built-in data in `YearNotice.source` and in the calendar version (T9): `chinese-days@1.5.7`. */
export const BUILT_IN_SOURCE = `${chineseDaysPackage.name}@${chineseDaysPackage.version}`;

/**
 * One notice per year the package covers (2004–2026 for 1.5.7), ascending. A year counts as
 * covered only when the package lists holidays for it: every notice has at least New Year's Day.
 * Dates are grouped by their own year, so the 2019 notice's 2018-12-31 sits in the 2018 record;
 * the working days come out the same.
 */
export const BUILT_IN_NOTICES: readonly YearNotice[] = buildNotices(
  Object.keys(chineseDaysData.holidays),
  Object.keys(chineseDaysData.workdays),
);

function buildNotices(holidayDates: readonly LocalDate[], workdayDates: readonly LocalDate[]): YearNotice[] {
  const holidaysByYear = groupByYear(holidayDates);
  const workdaysByYear = groupByYear(workdayDates);
  return [...holidaysByYear.keys()]
    .sort((a, b) => a - b)
    .map((year) =>
      Object.freeze({
        year,
        source: BUILT_IN_SOURCE,
        holidays: Object.freeze(holidaysByYear.get(year) ?? []),
        workdays: Object.freeze(workdaysByYear.get(year) ?? []),
      }),
    );
}

function groupByYear(dates: readonly LocalDate[]): Map<number, LocalDate[]> {
  const byYear = new Map<number, LocalDate[]>();
  for (const date of [...dates].sort()) {
    const year = Number(date.slice(0, 4));
    const list = byYear.get(year);
    if (list === undefined) byYear.set(year, [date]);
    else list.push(date);
  }
  return byYear;
}
