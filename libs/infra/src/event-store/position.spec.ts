import fc from 'fast-check';
import {
  InvalidPosition,
  START,
  comparePositions,
  formatPosition,
  isPosition,
  laterPosition,
  parsePosition,
} from './position.js';

const component = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

describe('positions', () => {
  it('are two 20-digit numbers, START the smallest', () => {
    expect(START).toBe('00000000000000000000:00000000000000000000');
    expect(formatPosition(745n, 1234n)).toBe('00000000000000000745:00000000000000001234');
    expect(comparePositions(START, formatPosition(0n, 1n))).toBeLessThan(0);
  });

  it('round-trip, and order as strings exactly as they order as numbers', () => {
    fc.assert(
      fc.property(component, component, component, component, (a1, a2, b1, b2) => {
        const a = formatPosition(a1, a2);
        const b = formatPosition(b1, b2);
        expect(parsePosition(a)).toEqual([a1, a2]);
        const numeric = a1 === b1 ? Math.sign(Number(a2 - b2)) : a1 < b1 ? -1 : 1;
        expect(comparePositions(a, b)).toBe(numeric);
        expect(Math.sign(a.localeCompare(b, 'en'))).toBe(numeric);
        expect(a < b).toBe(numeric < 0);
        expect(laterPosition(a, b)).toBe(numeric >= 0 ? a : b);
      }),
    );
  });

  it.each([
    '',
    '12',
    '1:2',
    '00000000000000000001-00000000000000000002',
    ' 00000000000000000001:00000000000000000002',
    // 20 digits, but past 64 bits: no store writes it (a minPosition that could never be reached).
    '18446744073709551616:00000000000000000000',
    '00000000000000000000:99999999999999999999',
  ])('refuses %j', (text) => {
    expect(isPosition(text)).toBe(false);
    expect(() => parsePosition(text)).toThrow(InvalidPosition);
    expect(() => comparePositions(text, START)).toThrow(InvalidPosition);
  });

  it('refuses components outside 64 bits', () => {
    expect(() => formatPosition(-1n, 0n)).toThrow(RangeError);
    expect(() => formatPosition(2n ** 64n, 0n)).toThrow(RangeError);
    const largest = formatPosition(2n ** 64n - 1n, 2n ** 64n - 1n);
    expect(isPosition(largest)).toBe(true);
    expect(parsePosition(largest)).toEqual([2n ** 64n - 1n, 2n ** 64n - 1n]);
  });
});
