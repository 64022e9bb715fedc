/**
 * Bench only (run.ts): a tick's due-case query timed apart, so the read store's share of the tick
 * shows beside the supervision work.
 */
import type { DueCase, DueCases } from '../../apps/projector/src/supervision/due-cases.port.js';

/** The due-case query, timed: what the read store costs, apart from the supervision work. */
export class TimedDueCases implements DueCases {
  ms = 0;
  constructor(private readonly inner: DueCases) {}
  async dueAt(now: number, limit: number, after?: DueCase): Promise<readonly DueCase[]> {
    const started = performance.now();
    try {
      return await this.inner.dueAt(now, limit, after);
    } finally {
      this.ms += performance.now() - started;
    }
  }
}
