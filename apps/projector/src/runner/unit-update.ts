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
  const top = (doc: ProjectedDocument): Record<string, unknown> =>
    Object.fromEntries(Object.entries(doc).filter(([key]) => key !== '_id' && key !== '_position'));
  diffFields(top(stored), top(next), '', update);
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

/** The changes from the fields of `a` to those of `b`, each at `prefix` + its key. */
function diffFields(
  a: Readonly<Record<string, unknown>>,
  b: Readonly<Record<string, unknown>>,
  prefix: string,
  into: Operators,
): void {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
    diffValue(a[key], b[key], prefix + key, into);
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
const safeKeys = (x: Readonly<Record<string, unknown>>): boolean =>
  Object.entries(x).every(([key, value]) => value === undefined || SAFE_KEY.test(key));

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
