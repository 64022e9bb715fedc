import chineseDays from 'chinese-days';
import { BUILT_IN_NOTICES, BUILT_IN_SOURCE } from './built-in-notices.js';
import { createWorkingCalendar } from './create-working-calendar.js';
import { parseLocalDate, toLocalDate, yearMonthDayOf } from './shanghai-time.js';
import { validateYearNotice } from './year-notice-validation.js';

const years = BUILT_IN_NOTICES.map((n) => n.year);

describe('built-in holiday notices (T2)', () => {
  it('T2: given chinese-days 1.5.7, when its data is read, then every year 2004–2026 has a notice and 2027 has none', () => {
    expect(BUILT_IN_SOURCE).toBe('chinese-days@1.5.7');
    expect(years).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(years).not.toContain(2027);
    for (const notice of BUILT_IN_NOTICES) expect(notice.source).toBe(BUILT_IN_SOURCE);
  });

  it('T2: given the built-in notices, when validated, then each is a valid notice', () => {
    for (const notice of BUILT_IN_NOTICES) expect(validateYearNotice(notice)).toEqual([]);
  });

  it('T2: given the 2026 notice, when read, then the Spring Festival and its adjusted Saturdays are there', () => {
    const notice = BUILT_IN_NOTICES.find((n) => n.year === 2026);
    expect(notice?.holidays).toEqual(expect.arrayContaining(['2026-02-15', '2026-02-23', '2026-10-07']));
    expect(notice?.workdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('T2: given every day of 2004–2026, when asked whether it is a working day, then the calendar agrees with chinese-days', () => {
    const calendar = createWorkingCalendar();
    const first = parseLocalDate('2004-01-01') as number;
    const last = parseLocalDate('2026-12-31') as number;
    const disagreements: string[] = [];
    for (let day = first; day <= last; day++) {
      const { year, month, day: d } = yearMonthDayOf(day);
      // Local noon: chinese-days reads Date objects in the host's time zone.
      if (chineseDays.isWorkday(new Date(year, month - 1, d, 12)) !== calendar.isWorkingDay(day)) {
        disagreements.push(toLocalDate(day));
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('T2: given 2027-01-01, when chinese-days is asked, then it guesses a working day, which is why coverage matters', () => {
    expect(chineseDays.isWorkday(new Date(2027, 0, 1, 12))).toBe(true);
    expect(createWorkingCalendar().covers(2027)).toBe(false);
  });
});
