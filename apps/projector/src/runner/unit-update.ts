/**
 * A unit document's write as an update of what changed since it was stored (issue 19: send the
 * changed fields, not the whole document): top-level fields `$set` when they differ, `$unset` when
 * gone, and an array that only grew (the same items, by reference, then new ones: the events of
 * `accountability_cases`) `$push`ed. The runner guards it with the stored `_position`, as a replace.
 */
import type { ProjectedDocument } from '../projection/projection.js';

/** The update from `stored` to `next`, moving `_position` to `position`. */
export function unitUpdate(
  stored: ProjectedDocument,
  next: ProjectedDocument,
  position: string,
): Record<string, unknown> {
  const before = new Map(Object.entries(stored));
  const after = new Map(Object.entries(next));
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  const push: Record<string, unknown> = {};
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (key === '_id' || key === '_position') continue;
    const a = before.get(key);
    const b = after.get(key);
    if (a === b) continue;
    if (b === undefined) unset[key] = '';
    else if (Array.isArray(a) && Array.isArray(b) && grew(a, b)) push[key] = { $each: b.slice(a.length) };
    else if (!sameValue(a, b)) set[key] = b;
  }
  return {
    $set: { ...set, _position: position },
    ...(Object.keys(unset).length > 0 && { $unset: unset }),
    ...(Object.keys(push).length > 0 && { $push: push }),
  };
}

/** `b` is `a` (the same items, by reference) with items appended. */
const grew = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length > 0 && b.length > a.length && a.every((item, i) => item === b[i]);

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
