import fc from 'fast-check';
import type { EpochMs, OfficeHours, YearNotice } from './calendar-types.js';
import { createWorkingCalendar } from './create-working-calendar.js';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from './office-hours.js';
import {
  addOfficeMinutes,
  closeOfOffice,
  deadlineAfterWorkingDays,
  isOfficeTime,
  type OfficeClock,
  officeMinutesBetween,
  shiftByOfficeMinutes,
} from './office-time.js';
import {
  dayOf,
  MS_PER_MINUTE,
  parseInstant,
  parseLocalDate,
  startOfDay,
  toShanghaiIso,
} from './shanghai-time.js';

const at = (local: string): EpochMs => parseInstant(`${local}+08:00`);
const iso = (result: { value: EpochMs }): string => toShanghaiIso(result.value);

const clock: OfficeClock = { calendar: createWorkingCalendar(), hours: DEFAULT_OFFICE_HOURS };

/** A made-up 2027 notice for tests only. */
const NOTICE_2027: YearNotice = {
  year: 2027,
  source: 'test: 2027 (made up)',
  holidays: ['2027-01-01', '2027-01-02', '2027-01-03'],
  workdays: [],
};

const townshipHours = ((): OfficeHours => {
  const parsed = parseOfficeHours([
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '17:00' },
  ]);
  if (!parsed.ok) throw new Error('test office hours');
  return parsed.hours;
})();

describe('office time (T1, T3, T4, T6, T7, T11)', () => {
  describe('deadlines counted in working days', () => {
    it('T4: given acceptance Tue 2025-09-30 10:00 with a limit of 5 working days, then it is due 2025-10-14 17:30', () => {
      const due = deadlineAfterWorkingDays(clock, at('2025-09-30T10:00:00'), 5);
      expect(iso(due)).toBe('2025-10-14T17:30:00+08:00');
      expect(due.provisional).toBe(false);
    });

    it('T4: given acceptance Fri 2026-02-13 before the Spring Festival with 3 days, then Saturday 02-14 counts and it is due Wed 2026-02-25 17:30', () => {
      expect(iso(deadlineAfterWorkingDays(clock, at('2026-02-13T15:00:00'), 3))).toBe(
        '2026-02-25T17:30:00+08:00',
      );
    });

    it('T11: given acceptance late in the evening, then that day is still not counted', () => {
      expect(iso(deadlineAfterWorkingDays(clock, at('2025-11-11T21:00:00'), 1))).toBe(
        '2025-11-12T17:30:00+08:00',
      );
    });

    it('T11: given acceptance on a Saturday or a holiday, then a 1-day limit ends on the next working day', () => {
      expect(iso(deadlineAfterWorkingDays(clock, at('2025-11-15T10:00:00'), 1))).toBe(
        '2025-11-17T17:30:00+08:00',
      );
      expect(iso(deadlineAfterWorkingDays(clock, at('2025-10-03T10:00:00'), 1))).toBe(
        '2025-10-09T17:30:00+08:00',
      );
    });

    it('T7: given an extension of 5 days from an old deadline Mon 2025-09-29 17:30, then it crosses National Day to 2025-10-13 17:30', () => {
      const extended = deadlineAfterWorkingDays(clock, at('2025-09-29T17:30:00'), 5);
      expect(iso(extended)).toBe('2025-10-13T17:30:00+08:00');
      expect(extended.provisional).toBe(false);
    });

    it('T2: given a deadline reaching into uncovered 2027, then it counts weekdays only and is provisional', () => {
      const due = deadlineAfterWorkingDays(clock, at('2026-12-28T10:00:00'), 5);
      expect(iso(due)).toBe('2027-01-04T17:30:00+08:00'); // Fri 2027-01-01 guessed a working day
      expect(due.provisional).toBe(true);
      expect(clock.calendar.covers(2027)).toBe(false);
    });

    it('T2: given the 2027 notice recorded, then the same deadline skips New Year and is no longer provisional', () => {
      const recorded: OfficeClock = {
        calendar: createWorkingCalendar([NOTICE_2027]),
        hours: DEFAULT_OFFICE_HOURS,
      };
      expect(deadlineAfterWorkingDays(recorded, at('2026-12-28T10:00:00'), 5)).toEqual({
        value: at('2027-01-05T17:30:00'),
        provisional: false,
      });
      expect(recorded.calendar.version).not.toBe(clock.calendar.version);
    });

    it('T1: given a township center closing at 17:00, then its deadlines fall at 17:00', () => {
      const township: OfficeClock = { calendar: clock.calendar, hours: townshipHours };
      expect(closeOfOffice(township, parseLocalDate('2025-10-14') as number)).toBe(at('2025-10-14T17:00:00'));
      expect(iso(deadlineAfterWorkingDays(township, at('2025-09-30T10:00:00'), 5))).toBe(
        '2025-10-14T17:00:00+08:00',
      );
    });
  });

  describe('office minutes', () => {
    it('T3: given an immediate case accepted at 11:50 on a working day, then it is due at 14:50 (10 minutes before lunch, 20 after)', () => {
      expect(addOfficeMinutes(clock, at('2025-11-14T11:50:00'), 30)).toEqual({
        value: at('2025-11-14T14:50:00'),
        provisional: false,
      });
    });

    it('T3: given minutes that run out exactly at a period end, then the answer is that end, not the next start', () => {
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T11:30:00'), 30))).toBe('2025-11-14T12:00:00+08:00');
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T17:00:00'), 30))).toBe('2025-11-14T17:30:00+08:00');
    });

    it('T3: given a start outside office time, then counting starts at the next office period', () => {
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T12:30:00'), 30))).toBe('2025-11-14T15:00:00+08:00');
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T07:00:00'), 30))).toBe('2025-11-14T09:00:00+08:00');
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T17:40:00'), 30))).toBe('2025-11-17T09:00:00+08:00');
      // 20 minutes left on Friday, 10 more on Monday.
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T17:10:00'), 30))).toBe('2025-11-17T08:40:00+08:00');
      expect(iso(addOfficeMinutes(clock, at('2025-11-15T10:00:00'), 30))).toBe('2025-11-17T09:00:00+08:00');
    });

    it('T3: given 60 minutes from 17:00 before National Day, then they resume on 2025-10-09', () => {
      expect(iso(addOfficeMinutes(clock, at('2025-09-30T17:00:00'), 60))).toBe('2025-10-09T09:00:00+08:00');
    });

    it('T6: given a suspension from Fri 16:00 to Mon 09:30, then only its office time counts: 90 + 60 = 150 minutes', () => {
      const suspended = officeMinutesBetween(clock, at('2025-11-14T16:00:00'), at('2025-11-17T09:30:00'));
      expect(suspended).toEqual({ value: 150, provisional: false });
      // The deadline moves later by exactly that office time: Wed 17:30 → Thu 11:00.
      expect(iso(shiftByOfficeMinutes(clock, at('2025-11-19T17:30:00'), suspended.value))).toBe(
        '2025-11-20T11:00:00+08:00',
      );
    });

    it('T6: given a pause over a night or over National Day, then nights and holidays are not counted', () => {
      expect(officeMinutesBetween(clock, at('2025-11-11T17:00:00'), at('2025-11-12T09:00:00')).value).toBe(
        60,
      );
      expect(officeMinutesBetween(clock, at('2025-09-30T16:00:00'), at('2025-10-09T09:00:00')).value).toBe(
        120,
      );
      expect(officeMinutesBetween(clock, at('2025-11-14T12:10:00'), at('2025-11-14T14:20:00')).value).toBe(0);
    });

    it('T6: given to before from, then the office time is negative', () => {
      expect(officeMinutesBetween(clock, at('2025-11-17T09:30:00'), at('2025-11-14T16:00:00')).value).toBe(
        -150,
      );
    });

    it('T6: given a span of ten years from midnight to midnight, then it is 390 minutes per working day', () => {
      const from = at('2015-01-01T00:00:00');
      const to = at('2025-01-01T00:00:00');
      const days = clock.calendar.workingDaysBetween(dayOf(from) - 1, dayOf(to) - 1).value;
      expect(officeMinutesBetween(clock, from, to)).toEqual({ value: 390 * days, provisional: false });
    });

    it('T6: given instants off the whole minute, then office time is exact to the millisecond', () => {
      expect(officeMinutesBetween(clock, at('2025-11-14T10:00:00'), at('2025-11-14T10:00:30')).value).toBe(
        0.5,
      );
      expect(addOfficeMinutes(clock, at('2025-11-14T11:59:30'), 1).value).toBe(at('2025-11-14T14:30:30'));
    });

    it('T2: given office time crossing into uncovered 2027, then it is provisional, and not once 2027 is recorded', () => {
      const from = at('2026-12-31T17:00:00');
      expect(addOfficeMinutes(clock, from, 60)).toEqual({
        value: at('2027-01-01T09:00:00'),
        provisional: true,
      });
      expect(officeMinutesBetween(clock, from, at('2027-01-01T09:00:00'))).toEqual({
        value: 60,
        provisional: true,
      });
      const recorded: OfficeClock = {
        calendar: createWorkingCalendar([NOTICE_2027]),
        hours: DEFAULT_OFFICE_HOURS,
      };
      expect(addOfficeMinutes(recorded, from, 60)).toEqual({
        value: at('2027-01-04T09:00:00'),
        provisional: false,
      });
    });

    it('C1: given negative minutes, then it answers the earliest instant with that much office time left', () => {
      expect(iso(addOfficeMinutes(clock, at('2025-11-17T17:30:00'), -390))).toBe('2025-11-14T17:30:00+08:00');
      expect(iso(addOfficeMinutes(clock, at('2025-11-14T14:50:00'), -30))).toBe('2025-11-14T11:50:00+08:00');
    });

    it('T1: given the township hours, then an immediate case at 11:50 is due 13:50', () => {
      const township: OfficeClock = { calendar: clock.calendar, hours: townshipHours };
      expect(iso(addOfficeMinutes(township, at('2025-11-14T11:50:00'), 30))).toBe(
        '2025-11-14T13:50:00+08:00',
      );
    });

    it('T1: given instants, then office time is the periods of working days, end excluded', () => {
      expect(isOfficeTime(clock, at('2025-11-14T08:30:00'))).toBe(true);
      expect(isOfficeTime(clock, at('2025-11-14T12:00:00'))).toBe(false);
      expect(isOfficeTime(clock, at('2025-11-15T10:00:00'))).toBe(false);
      expect(isOfficeTime(clock, at('2026-02-14T10:00:00'))).toBe(true);
    });
  });

  describe('properties', () => {
    const clocks: Record<string, OfficeClock> = {
      'default hours, built-in calendar': clock,
      'township hours, 2027 gap before a 2028 notice': {
        calendar: createWorkingCalendar([
          {
            year: 2028,
            source: 'test (made up)',
            holidays: ['2028-01-01', '2028-10-02'],
            workdays: ['2028-10-08'],
          },
        ]),
        hours: townshipHours,
      },
    };
    const FIRST = at('2003-06-01T00:00:00');
    const LAST = at('2029-06-01T00:00:00');
    const anyInstant = fc.integer({ min: FIRST, max: LAST });
    const anyWholeMinute = fc
      .integer({ min: FIRST / MS_PER_MINUTE, max: LAST / MS_PER_MINUTE })
      .map((m) => m * MS_PER_MINUTE);
    const anyMinutes = fc.integer({ min: 1, max: 20_000 });

    /** Inside an office period of a working day, or exactly at a period's end. */
    const inOfficeOrAtPeriodEnd = (c: OfficeClock, t: EpochMs): boolean => {
      const day = dayOf(t);
      const minute = (t - startOfDay(day)) / MS_PER_MINUTE;
      return c.calendar.isWorkingDay(day) && c.hours.periods.some((p) => minute > p.start && minute <= p.end);
    };

    describe.each(Object.entries(clocks))('%s', (_name, c) => {
      it('T4, T7, T11: a deadline is at close of office on a working day, N working days after the start day', () => {
        fc.assert(
          fc.property(anyInstant, fc.integer({ min: 1, max: 400 }), (from, n) => {
            const due = deadlineAfterWorkingDays(c, from, n).value;
            expect(due).toBe(closeOfOffice(c, dayOf(due)));
            expect(c.calendar.isWorkingDay(dayOf(due))).toBe(true);
            expect(c.calendar.workingDaysBetween(dayOf(from), dayOf(due)).value).toBe(n);
          }),
        );
      });

      it('T3, T6: adding office minutes lands inside office hours (or at a period end) on a working day', () => {
        fc.assert(
          fc.property(anyInstant, anyMinutes, (from, minutes) => {
            const due = addOfficeMinutes(c, from, minutes).value;
            expect(due).toBeGreaterThan(from);
            expect(inOfficeOrAtPeriodEnd(c, due)).toBe(true);
          }),
        );
      });

      it('T3, T6: the office time between an instant and that instant plus m office minutes is m', () => {
        fc.assert(
          fc.property(anyInstant, fc.integer({ min: -20_000, max: 20_000 }), (from, minutes) => {
            const shifted = addOfficeMinutes(c, from, minutes);
            expect(officeMinutesBetween(c, from, shifted.value).value).toBe(minutes);
          }),
        );
      });

      it('T6: a zero suspension changes nothing; from an office instant adding 0 minutes is identity', () => {
        fc.assert(
          fc.property(anyInstant, (a) => {
            expect(officeMinutesBetween(c, a, a)).toEqual({ value: 0, provisional: false });
            expect(addOfficeMinutes(c, a, 0)).toEqual({ value: a, provisional: false });
          }),
        );
      });

      it('T6: office time between is antisymmetric and additive', () => {
        fc.assert(
          fc.property(anyWholeMinute, anyWholeMinute, anyWholeMinute, (a, b, d) => {
            const ab = officeMinutesBetween(c, a, b).value;
            expect(officeMinutesBetween(c, b, a).value).toBe(0 - ab);
            expect(ab + officeMinutesBetween(c, b, d).value).toBe(officeMinutesBetween(c, a, d).value);
          }),
        );
      });

      it('T6: office time between agrees with counting office minutes one by one over a few days', () => {
        fc.assert(
          fc.property(anyWholeMinute, fc.integer({ min: 0, max: 6 * 1440 }), (a, span) => {
            let expected = 0;
            for (let t = a; t < a + span * MS_PER_MINUTE; t += MS_PER_MINUTE)
              if (isOfficeTime(c, t)) expected++;
            expect(officeMinutesBetween(c, a, a + span * MS_PER_MINUTE).value).toBe(expected);
          }),
          { numRuns: 200 },
        );
      });
    });

    it('T2: office time wholly inside covered years is never provisional', () => {
      const covered = fc.integer({ min: at('2004-01-02T00:00:00'), max: at('2026-11-30T00:00:00') });
      fc.assert(
        fc.property(covered, fc.integer({ min: 1, max: 5_000 }), (from, minutes) => {
          expect(addOfficeMinutes(clock, from, minutes).provisional).toBe(false);
          expect(officeMinutesBetween(clock, from, from + minutes * MS_PER_MINUTE).provisional).toBe(false);
        }),
      );
    });
  });
});
