/**
 * Copying the optional fields a source has set, by a table of their names: the result holds a key
 * only where the source's value is present, so an absent field stays absent in the document or
 * payload built from it (`...definedFields(n, ['level', 'cardId'])`).
 */

/** The fields of `keys` whose value in `source` is not `undefined` (a `null` is copied). */
export function definedFields<T, K extends keyof T>(
  source: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  return fieldsWhere(source, keys, (value): value is Exclude<T[K], undefined> => value !== undefined);
}

/** The fields of `keys` whose value in `source` is not `null`, how stored documents say "absent". */
export function nonNullFields<T, K extends keyof T>(
  source: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], null> } {
  return fieldsWhere(source, keys, (value): value is Exclude<T[K], null> => value !== null);
}

function fieldsWhere<T, K extends keyof T, Absent>(
  source: T,
  keys: readonly K[],
  isPresent: (value: T[K]) => value is Exclude<T[K], Absent>,
): { [P in K]?: Exclude<T[P], Absent> } {
  const out: { [P in K]?: Exclude<T[P], Absent> } = {};
  for (const key of keys) {
    const value = source[key];
    if (isPresent(value)) out[key] = value;
  }
  return out;
}
