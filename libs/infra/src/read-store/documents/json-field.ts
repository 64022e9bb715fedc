/**
 * Fields older versions stored as one JSON string (`stateJson`, `eventsJson`): case-views ≤ 3,
 * statistics ≤ 2 and accountability 1 did, to spare the local FerretDB decoding them value by value.
 * They are stored as plain subdocuments now (issue 19: a MongoDB user's tools read them); the live
 * projector still folds documents of a store built before, until the version rebuild swaps in
 * (apps/projector/README.md "Versions"), so the readers accept both. Never written.
 */
export class MissingStoredField extends Error {
  override readonly name = 'MissingStoredField';
  constructor(readonly field: string) {
    super(`a stored read-model document has neither ${field} nor ${field}Json`);
  }
}

/** The value of `field`, or else the legacy JSON string `<field>Json` parsed. */
export function plainOrLegacyJson<T>(plain: T | undefined, legacyJson: string | undefined, field: string): T {
  if (plain !== undefined) return plain;
  if (legacyJson === undefined) throw new MissingStoredField(field);
  const parsed: T = JSON.parse(legacyJson);
  return parsed;
}

/**
 * A document holding a case's folded `state`, as stored: plain, or as `stateJson` in a store built
 * by an older version (case-views ≤ 3, statistics ≤ 2).
 */
export type StoredWithLegacyState<D extends { state: unknown }> = Omit<D, 'state'> & {
  state?: D['state'];
  stateJson?: string;
};

/** The stored document as built: its `state` plain, or else parsed from the legacy `stateJson`. */
export function withPlainState<S, R extends object>(
  stored: R & { state?: S; stateJson?: string },
): Omit<R, 'state' | 'stateJson'> & { state: S } {
  const { state, stateJson, ...rest } = stored;
  return { ...rest, state: plainOrLegacyJson(state, stateJson, 'state') };
}
