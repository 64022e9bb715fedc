import fc from 'fast-check';
import { BUILT_IN_NOTICES } from './built-in-notices.js';
import type { CalendarResult, DayNumber, YearNotice } from './calendar-types.js';
import { createWorkingCalendar } from './create-working-calendar.js';
import { isWeekend, parseLocalDate, toLocalDate, yearOf } from './shanghai-time.js';
import { InvalidYearNoticeError } from './year-notice-validation.js';

const day = (date: string): DayNumber => {
  const d = parseLocalDate(date);
  if (d === undefined) throw new Error(`bad test date ${date}`);
  return d;
};

/** A calendar's answer: the day or count, and whether it rests on a year without a notice (T2). */
const answer = <T>(value: T, provisional: boolean): CalendarResult<T> => ({ value, provisional });

/** A made-up 2027 notice for tests only: New Year's Day Friday 1 January to Sunday 3 January. */
const NOTICE_2027: YearNotice = {
  year: 2027,
  source: 'test: 国务院办公厅关于2027年部分节假日安排的通知 (made up)',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
};

/** A made-up 2029 notice, leaving 2027 and 2028 uncovered between it and the built-in years. */
const NOTICE_2029: YearNotice = {
  year: 2029,
  source: 'test: 2029 (made up)',
  holidays: ['2029-01-01', '2029-10-01', '2029-10-02'],
  workdays: ['2029-09-29'],
};

/** Day-by-day reference implementation, slow and obvious, to check the table arithmetic against. */
function referenceCalendar(extra: readonly YearNotice[]) {
  const notices = new Map<number, YearNotice>(BUILT_IN_NOTICES.map((n) => [n.year, n]));
  for (const n of extra) notices.set(n.year, n);
  const arranged = new Map<string, boolean>();
  for (const year of [...notices.keys()].sort((a, b) => a - b)) {
    const notice = notices.get(year) as YearNotice;
    for (const d of notice.holidays) arranged.set(d, false);
    for (const d of notice.workdays) arranged.set(d, true);
  }
  const covered = (d: DayNumber) => notices.has(yearOf(d));
  const isWorking = (d: DayNumber) =>
    covered(d) && arranged.has(toLocalDate(d)) ? (arranged.get(toLocalDate(d)) as boolean) : !isWeekend(d);
  const anyUncovered = (lo: DayNumber, hi: DayNumber) => {
    for (let d = lo; d <= hi; d++) if (!covered(d)) return true;
    return false;
  };
  return {
    isWorking,
    addWorkingDays(from: DayNumber, n: number) {
      let d = from;
      if (n === 0) {
        while (!isWorking(d)) d++;
        return { value: d, provisional: anyUncovered(from, d) };
      }
      const step = n > 0 ? 1 : -1;
      for (let left = Math.abs(n); left > 0;) {
        d += step;
        if (isWorking(d)) left--;
      }
      return { value: d, provisional: n > 0 ? anyUncovered(from + 1, d) : anyUncovered(d, from - 1) };
    },
    workingDaysBetween(from: DayNumber, to: DayNumber) {
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let d = lo + 1; d <= hi; d++) if (isWorking(d)) count++;
      return { value: sign > 0 ? count : 0 - count, provisional: anyUncovered(lo + 1, hi) };
    },
  };
}

const noticeSets: Record<string, readonly YearNotice[]> = {
  'built-in only': [],
  'with a 2027 notice': [NOTICE_2027],
  'with a 2029 notice (2027–2028 a gap)': [NOTICE_2029],
};
const anyDay = fc.integer({ min: day('2001-06-01'), max: day('2031-06-30') });

describe('working calendar (T2, T4, T11)', () => {
  const calendar = createWorkingCalendar();

  it('T4: given acceptance on Tue 2025-09-30 with a limit of 5, then the 5th working day is 2025-10-14 (National Day, Saturday 10-11 worked)', () => {
    expect(calendar.addWorkingDays(day('2025-09-30'), 5)).toEqual(answer(day('2025-10-14'), false));
    expect(calendar.workingDaysBetween(day('2025-09-30'), day('2025-10-14'))).toEqual(answer(5, false));
    expect(calendar.isWorkingDay(day('2025-10-11'))).toBe(true);
    expect(calendar.isWorkingDay(day('2025-10-08'))).toBe(false);
  });

  it('T2: given the 2026 Spring Festival, when counting 3 days from Fri 2026-02-13, then Saturday 02-14 counts and the answer is Wed 02-25', () => {
    expect(calendar.isWorkingDay(day('2026-02-14'))).toBe(true);
    expect(calendar.addWorkingDays(day('2026-02-13'), 3).value).toBe(day('2026-02-25'));
  });

  it('T11: given a start on a day off, when counting 1 working day, then the start is not counted and the period ends on the next working day', () => {
    expect(calendar.addWorkingDays(day('2025-10-04'), 1).value).toBe(day('2025-10-09')); // Saturday in National Day
    expect(calendar.addWorkingDays(day('2025-11-15'), 1).value).toBe(day('2025-11-17')); // ordinary Saturday
    expect(calendar.addWorkingDays(day('2025-11-14'), 1).value).toBe(day('2025-11-17')); // Friday: start not counted
  });

  it('T11: given n = 0, then a working day answers itself and a day off the next working day', () => {
    expect(calendar.addWorkingDays(day('2025-11-14'), 0).value).toBe(day('2025-11-14'));
    expect(calendar.addWorkingDays(day('2025-11-15'), 0).value).toBe(day('2025-11-17'));
    expect(calendar.addWorkingDays(day('2026-02-14'), 0).value).toBe(day('2026-02-14'));
  });

  it('T11: given a negative n, then it counts working days backwards, the start not counted', () => {
    expect(calendar.addWorkingDays(day('2025-10-09'), -1).value).toBe(day('2025-09-30'));
    expect(calendar.addWorkingDays(day('2025-10-14'), -5).value).toBe(day('2025-09-30'));
  });

  it('T2: given the 2019 notice arranged late December 2018, then 2018-12-31 is off and Saturday 2018-12-29 is worked', () => {
    expect(calendar.isWorkingDay(day('2018-12-31'))).toBe(false);
    expect(calendar.isWorkingDay(day('2018-12-29'))).toBe(true);
  });

  it('T2: given no notice for 2027, when a deadline reaches into it, then it counts weekdays only and is provisional', () => {
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.coveredYears[0]).toBe(2004);
    expect(calendar.coveredYears[calendar.coveredYears.length - 1]).toBe(2026);
    expect(calendar.yearNotice(2027)).toBeUndefined();
    // Mon 2026-12-28 + 5: 12-29, 12-30, 12-31, Fri 2027-01-01 (guessed working), Mon 01-04.
    expect(calendar.addWorkingDays(day('2026-12-28'), 5)).toEqual(answer(day('2027-01-04'), true));
    expect(calendar.addWorkingDays(day('2026-12-28'), 3)).toEqual(answer(day('2026-12-31'), false));
    expect(calendar.workingDaysBetween(day('2026-12-31'), day('2027-01-01'))).toEqual(answer(1, true));
    expect(calendar.addWorkingDays(day('2003-12-31'), 1)).toEqual(answer(day('2004-01-02'), false));
    expect(calendar.addWorkingDays(day('2004-01-02'), -1)).toEqual(answer(day('2003-12-31'), true));
  });

  it('T2: given a recorded 2027 notice, then 2027 is covered, its holidays count and the version changes', () => {
    const with2027 = createWorkingCalendar([NOTICE_2027]);
    expect(with2027.covers(2027)).toBe(true);
    expect(with2027.yearNotice(2027)).toBe(NOTICE_2027);
    expect(with2027.addWorkingDays(day('2026-12-28'), 5)).toEqual(answer(day('2027-01-05'), false));
    expect(with2027.addWorkingDays(day('2027-12-30'), 2)).toEqual(answer(day('2028-01-03'), true));
    expect(calendar.version).toBe('chinese-days@1.5.7');
    expect(with2027.version).toMatch(/^chinese-days@1\.5\.7\+notices\.[0-9a-f]{8}$/);
  });

  it('T2: given the same recorded notices in another order or repeated, then the version is the same; other data gives another', () => {
    const a = createWorkingCalendar([NOTICE_2027, NOTICE_2029]).version;
    const b = createWorkingCalendar([NOTICE_2029, NOTICE_2027, NOTICE_2029]).version;
    const c = createWorkingCalendar([NOTICE_2027]).version;
    const d = createWorkingCalendar([{ ...NOTICE_2027, holidays: ['2027-01-01'] }]).version;
    expect(a).toBe(b);
    expect(new Set([a, c, d]).size).toBe(3);
    expect(
      createWorkingCalendar([{ ...NOTICE_2027, holidays: [...NOTICE_2027.holidays].reverse() }]).version,
    ).toBe(c);
  });

  it('T2: given a recorded notice for a covered year, then it replaces the built-in one', () => {
    const corrected: YearNotice = {
      year: 2025,
      source: 'test: no National Day',
      holidays: ['2025-01-01'],
      workdays: [],
    };
    const replaced = createWorkingCalendar([corrected]);
    expect(replaced.yearNotice(2025)).toBe(corrected);
    expect(replaced.isWorkingDay(day('2025-10-08'))).toBe(true);
    expect(replaced.isWorkingDay(day('2025-10-11'))).toBe(false);
    expect(replaced.addWorkingDays(day('2025-09-30'), 5).value).toBe(day('2025-10-07'));
  });

  it('T2: given a notice two years past the built-in data, then the years between stay uncovered and provisional', () => {
    const gap = createWorkingCalendar([NOTICE_2029]);
    expect(gap.coveredYears.slice(-2)).toEqual([2026, 2029]);
    expect(gap.covers(2028)).toBe(false);
    expect(gap.addWorkingDays(day('2029-09-28'), 2)).toEqual(answer(day('2029-10-03'), false));
    expect(gap.addWorkingDays(day('2028-12-28'), 3).provisional).toBe(true);
    expect(gap.workingDaysBetween(day('2026-06-01'), day('2026-06-30')).provisional).toBe(false);
    expect(gap.workingDaysBetween(day('2026-06-01'), day('2029-06-30')).provisional).toBe(true);
  });

  it('T2: given an invalid notice, when the calendar is built, then it is refused with the problems', () => {
    const bad: YearNotice = { year: 2027, source: 'x', holidays: ['2027-02-30'], workdays: [] };
    expect(() => createWorkingCalendar([bad])).toThrow(InvalidYearNoticeError);
  });

  it('given a day that is not an integer, then the calendar refuses it rather than answer nonsense', () => {
    expect(() => calendar.addWorkingDays(1.5, 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(0, 0.5)).toThrow(RangeError);
  });

  describe.each(Object.entries(noticeSets))('properties, %s', (_name, notices) => {
    const cal = createWorkingCalendar(notices);
    const ref = referenceCalendar(notices);

    it('T2, T4, T11: addWorkingDays agrees with a day-by-day count, provisional flag included', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: -40, max: 40 }), (d, n) => {
          expect(cal.addWorkingDays(d, n)).toEqual(ref.addWorkingDays(d, n));
        }),
        { numRuns: 2000 },
      );
    });

    it('T2, T4: workingDaysBetween agrees with a day-by-day count and is antisymmetric', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: -120, max: 120 }), (d, span) => {
          expect(cal.workingDaysBetween(d, d + span)).toEqual(ref.workingDaysBetween(d, d + span));
          const back = cal.workingDaysBetween(d + span, d);
          expect(back.value).toBe(0 - cal.workingDaysBetween(d, d + span).value);
        }),
        { numRuns: 2000 },
      );
    });

    it('T2: isWorkingDay agrees with the reference on every day 2001–2031', () => {
      for (let d = day('2001-01-01'); d <= day('2031-12-31'); d++) {
        if (cal.isWorkingDay(d) !== ref.isWorking(d)) throw new Error(`disagree on ${toLocalDate(d)}`);
      }
    });

    it('T4: adding N then M working days is adding N + M (N ≥ 1, or N = 0 from a working day)', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), (d, n, m) => {
          fc.pre(n >= 1 || cal.isWorkingDay(d));
          const stepwise = cal.addWorkingDays(cal.addWorkingDays(d, n).value, m).value;
          expect(stepwise).toBe(cal.addWorkingDays(d, n + m).value);
        }),
        { numRuns: 2000 },
      );
    });

    it('T4, T11: the Nth working day after a day is a working day exactly N working days later', () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: 1, max: 300 }), (d, n) => {
          const due = cal.addWorkingDays(d, n).value;
          expect(cal.isWorkingDay(due)).toBe(true);
          expect(cal.workingDaysBetween(d, due).value).toBe(n);
          expect(cal.workingDaysBetween(d, due - 1).value).toBe(n - 1);
        }),
        { numRuns: 2000 },
      );
    });
  });

  it('T2: given spans far outside the covered years, then counts stay exact weekdays and provisional', () => {
    const ref = referenceCalendar([]);
    const from = day('1995-03-01');
    const to = day('2035-03-01');
    expect(calendar.workingDaysBetween(from, to)).toEqual(ref.workingDaysBetween(from, to));
    const far = calendar.addWorkingDays(from, 9000);
    expect(far).toEqual(ref.addWorkingDays(from, 9000));
    expect(far.provisional).toBe(true);
    expect(calendar.addWorkingDays(day('1990-01-05'), 1)).toEqual(answer(day('1990-01-08'), true));
    expect(calendar.workingDaysBetween(day('1990-01-01'), day('1990-01-31')).value).toBe(22);
  });
});
