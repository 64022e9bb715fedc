/**
 * A unit document's write as an update of what changed since it was stored (issue 19: send the
 * changed fields, not the whole document). It recurses into plain subdocuments (the folded `state`
 * of case_views and statistics_cases): a changed value is `$set` at its dotted path
 * (`state.status`), a gone one `$unset`, and an array that only grew (the same items, by
 * reference, then new ones: the events of `accountability_cases`, a state's cards) `$push`ed.
 * Arrays, dates and non-plain objects are leaves, set whole. A subdocument with a key that is not
 * safe as a path segment (user data, an id with dots or `$`) is set whole: no path is ever built
 * from such a key. Paths never overlap (no path and its prefix), which MongoDB would refuse. The
 * runner guards the update with the stored `_position`, as a replace.
 */
import type { ProjectedDocument } from '../projection/projection.js';

/** The update from `stored` to `next`, moving `_position` to `position`. */
export function unitUpdate(
  stored: ProjectedDocument,
  next: ProjectedDocument,
  position: string,
): Record<string, unknown> {
  const update: Operators = { set: {}, unset: {}, push: {} };
  // The top-level fields are the codec's own names; `_id` and `_position` are the runner's.
  diffFields(stored, next, '', update, RUNNER_FIELDS);
  const { set, unset, push } = update;
  return {
    $set: { ...set, _position: position },
    ...(Object.keys(unset).length > 0 && { $unset: unset }),
    ...(Object.keys(push).length > 0 && { $push: push }),
  };
}

interface Operators {
  readonly set: Record<string, unknown>;
  readonly unset: Record<string, ''>;
  readonly push: Record<string, { $each: unknown[] }>;
}

/** A key usable as one segment of a dotted path: no dots, no `$`, not numeric (an array index). */
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The runner's fields of a unit document, left out of the diff. */
const RUNNER_FIELDS: ReadonlySet<string> = new Set(['_id', '_position']);
const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * The changes from the fields of `a` to those of `b` (but `skip`), each at `prefix` + its key.
 * Loops with for…in rather than building key arrays: it runs for every field of every document a
 * rebuild writes, and those arrays were a good part of its garbage.
 */
function diffFields(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  prefix: string,
  into: Operators,
  skip: ReadonlySet<string> = NO_FIELDS,
): void {
  for (const key in a) if (!skip.has(key)) diffValue(a[key], b[key], prefix + key, into);
  for (const key in b)
    if (!skip.has(key) && !Object.hasOwn(a, key)) diffValue(undefined, b[key], prefix + key, into);
}

function diffValue(a: unknown, b: unknown, path: string, into: Operators): void {
  if (a === b) return;
  if (b === undefined) {
    into.unset[path] = '';
  } else if (Array.isArray(a) && Array.isArray(b) && grew(a, b)) {
    into.push[path] = { $each: b.slice(a.length) };
  } else if (isPlain(a) && isPlain(b) && safeKeys(a) && safeKeys(b)) {
    diffFields(a, b, `${path}.`, into);
  } else if (!sameValue(a, b)) {
    into.set[path] = b;
  }
}

/** `b` is `a` (the same items, by reference) with items appended. */
const grew = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length > 0 && b.length > a.length && a.every((item, i) => item === b[i]);

/** An object literal (not a date, an array, an ObjectId or any other class). */
function isPlain(x: unknown): x is Readonly<Record<string, unknown>> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** Every key present (not undefined) may be a path segment. */
function safeKeys(x: Readonly<Record<string, unknown>>): boolean {
  for (const key in x) if (x[key] !== undefined && !SAFE_KEY.test(key)) return false;
  return true;
}

/** Deep equality of stored values (plain objects, arrays, dates, primitives); undefined fields count as absent. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date)
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const x = Object.entries(a).filter(([, v]) => v !== undefined);
  const y = new Map(Object.entries(b).filter(([, v]) => v !== undefined));
  return x.length === y.size && x.every(([k, v]) => y.has(k) && sameValue(v, y.get(k)));
}
