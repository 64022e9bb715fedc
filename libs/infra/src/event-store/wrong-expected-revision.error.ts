import type { ExpectedRevision } from './event-store.port.js';

/**
 * Optimistic concurrency: the stream was not where the writer expected it. The API answers 409
 * `CONCURRENT_MODIFICATION` (or 412 with `If-Match`); supervision retries at its next tick.
 */
export class WrongExpectedRevision extends Error {
  readonly code = 'WRONG_EXPECTED_REVISION' as const;
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's revision when the append was refused; -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(
      `stream ${streamId}: expected ${typeof expected === 'number' ? `revision ${expected}` : expected}, ` +
        `but it is ${actual < 0 ? 'absent' : `at revision ${actual}`}`,
    );
    this.name = 'WrongExpectedRevision';
  }
}
