/**
 * A copy of `value` without its undefined properties: an absent field stays absent in what is
 * recorded or answered (a case step's command, the dossier), rather than present as undefined.
 */
export function defined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const [key, v] of Object.entries(copy)) if (v === undefined) Reflect.deleteProperty(copy, key);
  return copy;
}
