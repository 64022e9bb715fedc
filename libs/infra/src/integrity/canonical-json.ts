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
  return write(value, new Set<object>(), '$');
}

function write(value: unknown, ancestors: Set<object>, path: string): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonical JSON: ${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (ancestors.has(value)) throw new TypeError(`canonical JSON: ${path} is a cycle`);
      ancestors.add(value);
      try {
        if (Array.isArray(value)) {
          return `[${value.map((item: unknown, i) => write(item, ancestors, `${path}[${i}]`)).join(',')}]`;
        }
        const proto: unknown = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) {
          throw new TypeError(`canonical JSON: ${path} is not a plain object`);
        }
        const record = value as Record<string, unknown>;
        const members: string[] = [];
        for (const key of Object.keys(record).sort()) {
          const member = record[key];
          // Absent and undefined are the same thing once stored as JSON.
          if (member === undefined) continue;
          members.push(`${JSON.stringify(key)}:${write(member, ancestors, `${path}.${key}`)}`);
        }
        return `{${members.join(',')}}`;
      } finally {
        ancestors.delete(value);
      }
    }
    default:
      throw new TypeError(`canonical JSON: ${path} is a ${typeof value}, which JSON cannot hold`);
  }
}
