/**
 * Some, not all, of an append's event ids are already in the stream (or not in the order and
 * places of one earlier append). A retried append must repeat the earlier one exactly to be
 * answered as it was; a partial overlap is a caller bug, never silently half-applied.
 */
export class IdempotencyConflict extends Error {
  readonly code = 'IDEMPOTENCY_CONFLICT' as const;
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
    readonly alreadyStored: readonly string[],
  ) {
    super(
      `stream ${streamId}: ${alreadyStored.length} of the ${eventIds.length} event ids of this append are already ` +
        `stored (${alreadyStored.join(', ')}), but not as one earlier append of exactly these events in this order`,
    );
    this.name = 'IdempotencyConflict';
  }
}
