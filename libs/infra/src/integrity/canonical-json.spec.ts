import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson (the text the U3 hash chain hashes)', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: '丙' } })).toBe(
      '{"a":{"c":"丙","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units, as RFC 8785 does (a surrogate pair before U+FF5A)', () => {
    expect(canonicalJson({ 张: 1, Z: 2, a: 3, ｚ: 5, '😀': 4 })).toBe('{"Z":2,"a":3,"张":1,"😀":4,"ｚ":5}');
  });

  it('gives one text whatever the key order, and that text parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        // Compared with the value as JSON itself sees it: JSON has no -0, so -0 is stored as 0.
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(JSON.stringify(reverseKeys(value))))).toBe(text);
      }),
    );
  });

  it('leaves out undefined members, as storage would', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a Date', { at: new Date(0) }],
    ['a class instance', { m: new Map() }],
    ['a function', { f: () => 1 }],
    ['a bigint', { n: 1n }],
    ['undefined in an array', [undefined]],
    ['undefined', undefined],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses a cycle but accepts a shared object', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(/cycle/);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('names where in the value a refused member lies', () => {
    expect(() => canonicalJson({ a: [1, { b: Number.NaN }] })).toThrow('canonical JSON: $.a[1].b is NaN');
    expect(() => canonicalJson({ ok: [true], c: [new Date(0)] })).toThrow('$.c[0] is not a plain object');
    expect(() => canonicalJson([[undefined]])).toThrow('$[0][0] is a undefined');
    expect(canonicalJson({ z: [], a: {}, m: [{}, []] })).toBe('{"a":{},"m":[{},[]],"z":[]}');
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}
