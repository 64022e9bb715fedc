import fc from 'fast-check';
import {
  dayFromYearMonthDay,
  dayOf,
  formatClockTime,
  instantAt,
  InvalidInstantError,
  localDateOf,
  minuteOfDay,
  parseClockTime,
  parseInstant,
  parseLocalDate,
  startOfDay,
  toLocalDate,
  toShanghaiIso,
  tryParseInstant,
  weekdayOf,
  yearMonthDayOf,
  withinInputRange,
} from './shanghai-time.js';

describe('Shanghai local time (T1: UTC+8, no daylight saving)', () => {
  it('T1: given an instant, when formatted, then it is written in Shanghai time with +08:00', () => {
    expect(toShanghaiIso(Date.UTC(2025, 9, 14, 9, 30))).toBe('2025-10-14T17:30:00+08:00');
    expect(toShanghaiIso(Date.UTC(2025, 9, 14, 16, 0))).toBe('2025-10-15T00:00:00+08:00');
    expect(toShanghaiIso(Date.UTC(2025, 9, 14, 9, 30, 5, 7))).toBe('2025-10-14T17:30:05.007+08:00');
  });

  it('T1: given instants in several notations, when parsed, then they name the same moment', () => {
    const expected = Date.UTC(2025, 9, 14, 9, 30);
    for (const text of [
      '2025-10-14T17:30:00+08:00',
      '2025-10-14T17:30+08:00',
      '2025-10-14T17:30:00+0800',
      '2025-10-14T17:30:00+08',
      '2025-10-14T09:30:00Z',
      '2025-10-14t09:30:00.000z',
      '2025-10-14 09:30:00Z',
      '2025-10-14T04:30:00-05:00',
    ]) {
      expect(parseInstant(text)).toBe(expected);
    }
    expect(parseInstant('2025-10-14T17:30:00.1239+08:00')).toBe(expected + 123);
  });

  it('T1: given text that is not an instant with an offset, when parsed, then it is refused', () => {
    for (const text of [
      '2025-10-14T17:30:00',
      '2025-10-14',
      '2025-02-29T10:00:00+08:00',
      '2025-13-01T10:00:00+08:00',
      '2025-10-14T24:00:00+08:00',
      '2025-10-14T17:60:00+08:00',
      '2025-10-14T17:30:60+08:00',
      '2025-10-14T17:30:00+24:00',
      'yesterday',
      '',
    ]) {
      expect(tryParseInstant(text)).toBeUndefined();
      expect(() => parseInstant(text)).toThrow(InvalidInstantError);
    }
    expect(tryParseInstant('2024-02-29T10:00:00+08:00')).toBe(Date.UTC(2024, 1, 29, 2));
  });

  it('T1: given any instant, when formatted and parsed back, then it is unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), (at) => {
        expect(parseInstant(toShanghaiIso(at))).toBe(at);
      }),
    );
  });

  it('T1: given text in the shape the event store writes, when parsed, then it reads as through the pattern', () => {
    // `+08:00` is read by character codes (isStoredShape); the same text with `+0800` takes the
    // regular expression. Parts just past their ranges and a changed character make wrong texts too.
    const part = (min: number, max: number, width: number) =>
      fc.integer({ min, max }).map((n) => String(n).padStart(width, '0'));
    fc.assert(
      fc.property(
        fc.tuple(part(1999, 2101, 4), part(0, 13, 2), part(0, 32, 2), part(0, 24, 2)),
        fc.tuple(part(0, 60, 2), part(0, 60, 2), part(0, 999, 3)),
        fc.option(fc.tuple(fc.nat({ max: 22 }), fc.constantFrom('-', ':', 'T', '.', '+', ' ', 't', '9'))),
        ([year, month, day, hour], [minute, second, millis], change) => {
          let text = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}+08:00`;
          if (change !== null) text = text.slice(0, change[0]) + change[1] + text.slice(change[0] + 1);
          expect(tryParseInstant(text)).toBe(tryParseInstant(`${text.slice(0, -3)}00`));
        },
      ),
      { numRuns: 5_000 },
    );
    expect(tryParseInstant('2026-02-13T10:00:00.000+08:00')).toBe(Date.UTC(2026, 1, 13, 2));
    expect(tryParseInstant('2026-02-13T10:00:59.007+08:00')).toBe(Date.UTC(2026, 1, 13, 2, 0, 59, 7));
    expect(tryParseInstant('2026-02-13T10:00:00.000-08:00')).toBe(Date.UTC(2026, 1, 13, 18));
    expect(tryParseInstant('2025-02-29T10:00:00.000+08:00')).toBeUndefined();
    expect(tryParseInstant('2026-02-13T24:00:00.000+08:00')).toBeUndefined();
  });

  it('T1: given an instant, when its day and minute are taken, then they are Shanghai local', () => {
    const at = parseInstant('2025-09-30T23:59:00+08:00');
    expect(localDateOf(at)).toBe('2025-09-30');
    expect(minuteOfDay(at)).toBe(23 * 60 + 59);
    expect(localDateOf(at + 60_000)).toBe('2025-10-01');
    expect(instantAt(dayOf(at), 510)).toBe(parseInstant('2025-09-30T08:30:00+08:00'));
    expect(startOfDay(0)).toBe(Date.UTC(1969, 11, 31, 16));
  });

  it('given day numbers, when converted to and from dates, then they agree with the Gregorian calendar', () => {
    expect(dayFromYearMonthDay(1970, 1, 1)).toBe(0);
    expect(toLocalDate(0)).toBe('1970-01-01');
    expect(toLocalDate(-1)).toBe('1969-12-31');
    expect(parseLocalDate('2000-02-29')).toBe(dayFromYearMonthDay(2000, 2, 29));
    expect(parseLocalDate('1900-02-29')).toBeUndefined();
    expect(parseLocalDate('2025-9-30')).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const { year, month, day: d } = yearMonthDayOf(day);
        expect(dayFromYearMonthDay(year, month, d)).toBe(day);
        expect(parseLocalDate(toLocalDate(day))).toBe(day);
        expect(toLocalDate(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });

  it('given a day, when its weekday is asked, then it is the ISO weekday (1 = Monday … 7 = Sunday)', () => {
    expect(weekdayOf(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOf(parseLocalDate('2025-09-30') as number)).toBe(2);
    expect(weekdayOf(parseLocalDate('2026-02-14') as number)).toBe(6);
    expect(weekdayOf(-4)).toBe(7);
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        expect(weekdayOf(day) % 7).toBe(new Date(day * 86_400_000).getUTCDay());
      }),
    );
  });

  it('given clock times, when parsed and formatted, then HH:MM round-trips and nonsense is refused', () => {
    expect(parseClockTime('08:30')).toBe(510);
    expect(formatClockTime(1050)).toBe('17:30');
    for (const bad of ['8:30', '24:00', '12:60', '0830', '']) expect(parseClockTime(bad)).toBeUndefined();
  });
});

describe('T14: reading is total, input is bounded', () => {
  it('T14: an instant past year 9999 (written before the bounds) reads back as itself; input accepts 2000–2099 only', () => {
    for (const iso of [
      '12759-06-30T17:30:00+08:00',
      '9999-12-31T23:59:59+08:00',
      '10000-01-01T00:00:00+08:00',
    ]) {
      const t = parseInstant(iso);
      expect(parseInstant(toShanghaiIso(t))).toBe(t);
    }
    expect(withinInputRange(parseInstant('2000-01-01T00:00:00+08:00'))).toBe(true);
    expect(withinInputRange(parseInstant('2099-12-31T23:59:59+08:00'))).toBe(true);
    expect(withinInputRange(parseInstant('1999-12-31T23:59:59+08:00'))).toBe(false);
    expect(withinInputRange(parseInstant('2100-01-01T00:00:00+08:00'))).toBe(false);
    expect(withinInputRange(parseInstant('0001-01-01T00:00:00+08:00'))).toBe(false);
  });
});
