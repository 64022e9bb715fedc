/**
 * A deep copy of a read-model document (plain objects, arrays, dates, scalars), made before a
 * batch changes a shared document in place, so the cached copy stays as stored if the batch fails.
 * Not structuredClone: its copies belong to the main realm, which test sandboxes do not share.
 */
export function cloneDocument<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) out[key] = cloneDocument(member);
  return out as T;
}
