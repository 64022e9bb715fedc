import { formatShanghaiIso, instantToEpochMs } from './shanghai-instant.js';

describe('Shanghai instants', () => {
  it('formats with milliseconds and +08:00', () => {
    expect(formatShanghaiIso(Date.parse('2026-02-13T02:00:00Z'))).toBe('2026-02-13T10:00:00.000+08:00');
    expect(formatShanghaiIso(Date.parse('2025-12-31T16:00:00.5Z'))).toBe('2026-01-01T00:00:00.500+08:00');
  });

  it('reads a Date, epoch milliseconds, and ISO strings with an offset', () => {
    const ms = Date.parse('2026-02-13T02:00:00Z');
    expect(instantToEpochMs(new Date(ms))).toBe(ms);
    expect(instantToEpochMs(ms)).toBe(ms);
    expect(instantToEpochMs('2026-02-13T10:00:00+08:00')).toBe(ms);
    expect(instantToEpochMs('2026-02-13T10:00:00.000+08:00')).toBe(ms);
    expect(instantToEpochMs('2026-02-13T02:00:00Z')).toBe(ms);
    expect(formatShanghaiIso(instantToEpochMs(formatShanghaiIso(ms)))).toBe(formatShanghaiIso(ms));
  });

  it.each(['2026-02-13T10:00:00', '2026-02-13', 'yesterday', '2026-13-45T10:00:00Z'])(
    'refuses %j',
    (text) => {
      expect(() => instantToEpochMs(text)).toThrow(RangeError);
    },
  );

  it('refuses invalid dates and numbers', () => {
    expect(() => instantToEpochMs(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => instantToEpochMs(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('formats the years 0000 to 9999 in Shanghai and refuses the instants around them', () => {
    expect(formatShanghaiIso(Date.parse('0000-01-01T00:00:00.000+08:00'))).toBe(
      '0000-01-01T00:00:00.000+08:00',
    );
    expect(formatShanghaiIso(Date.parse('9999-12-31T23:59:59.999+08:00'))).toBe(
      '9999-12-31T23:59:59.999+08:00',
    );
    expect(() => formatShanghaiIso(Date.parse('0000-01-01T00:00:00.000+08:00') - 1)).toThrow(RangeError);
    expect(() => formatShanghaiIso(Date.parse('9999-12-31T23:59:59.999+08:00') + 1)).toThrow(RangeError);
    expect(() => formatShanghaiIso(Number.NaN)).toThrow(RangeError);
  });
});
