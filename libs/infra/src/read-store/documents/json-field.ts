/**
 * Fields kept as one JSON string in storage (a case's folded state, its list of events): FerretDB
 * 1.x decodes and encodes a document value by value (about 30 µs each), so a state of a hundred
 * values costs a hundred times a string of the same content; these fields are the projector's
 * working memory and are only ever read whole, by `_id`. Canonical JSON (sorted keys): the same
 * value always gives the same text, however it was built or read back.
 */
import { canonicalJson } from '../../integrity/canonical-json.js';

export function encodeJsonField<D extends object>(
  doc: D,
  field: keyof D & string,
  stored: string,
): Record<string, unknown> {
  const { [field]: value, ...rest } = doc as Record<string, unknown>;
  return { ...rest, [stored]: canonicalJson(value) };
}

export function decodeJsonField<D>(stored: Record<string, unknown>, storedField: string, field: string): D {
  const { [storedField]: text, ...rest } = stored;
  return { ...rest, [field]: typeof text === 'string' ? JSON.parse(text) : text } as D;
}
