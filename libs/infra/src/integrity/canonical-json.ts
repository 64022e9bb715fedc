/**
 * Canonical JSON: the one text of a JSON value that the hash chain (U3) hashes.
 *
 * Object keys are sorted at every depth by UTF-16 code units (as RFC 8785 does) and nothing is
 * added between tokens; numbers and strings are written as `JSON.stringify` writes them. The same
 * event therefore hashes the same whatever key order it was built with or read back in (PostgreSQL
 * `jsonb` reorders keys, EventStoreDB keeps them), so a verifier can recompute a hash from what it
 * reads.
 *
 * Only plain JSON is accepted: a value that would not come back unchanged from storage
 * (`undefined` in an array, `NaN`, a `Date`, a class instance, a cycle) cannot be hashed honestly,
 * so it is refused with a `TypeError` rather than silently coerced.
 */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export function canonicalJson(value: unknown): string {
  return write(value, new Set<object>(), []);
}

/**
 * `at` holds the keys and indexes down to `value`; the path text (`$.a[0].b`) is built only for
 * an error: built for every member, it was a good part of hashing an event (issue 13).
 */
function write(value: unknown, ancestors: Set<object>, at: (string | number)[]): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonical JSON: ${pathOf(at)} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.has(value)) throw new TypeError(`canonical JSON: ${pathOf(at)} is a cycle`);
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          let text = '[';
          for (let i = 0; i < value.length; i++) {
            at.push(i);
            text += (i > 0 ? ',' : '') + write(value[i], ancestors, at);
            at.pop();
          }
          return `${text}]`;
        }
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          throw new TypeError(`canonical JSON: ${pathOf(at)} is not a plain object`);
        }
        const record = value as Record<string, unknown>;
        let text = '{';
        for (const key of Object.keys(record).sort()) {
          const member = record[key];
          // Absent and undefined are the same thing once stored as JSON.
          if (member === undefined) continue;
          at.push(key);
          text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${write(member, ancestors, at)}`;
          at.pop();
        }
        return `${text}}`;
      } finally {
        ancestors.delete(value);
      }
    }
    default:
      throw new TypeError(`canonical JSON: ${pathOf(at)} is a ${typeof value}, which JSON cannot hold`);
  }
}

function pathOf(at: readonly (string | number)[]): string {
  return at.reduce<string>(
    (path, step) => (typeof step === 'number' ? `${path}[${step}]` : `${path}.${step}`),
    '$',
  );
}
