/**
 * The due-case query of supervision (DESIGN.md "Supervision"): the open cases whose `nextCheckAt`
 * has passed, oldest first, found by `_id` reads of the read model's due buckets (the hours that
 * have begun), never a scan of all cases. The loop only reads ids from it and reloads every case
 * from the event store, so a stale view costs a wasted read, never a wrong card.
 */
import type { EpochMs } from '#domain/calendar/index.js';

export interface DueCase {
  readonly caseId: string;
  /** When the view said the case should be looked at again. */
  readonly nextCheckAt: EpochMs;
}

export interface DueCases {
  /**
   * At most `limit` cases with `nextCheckAt <= now`, in (nextCheckAt, caseId) order, after `after`
   * when given (the last case of the previous page: keyset paging, so cases whose view stays stale
   * cannot hide the others behind them).
   */
  dueAt(now: EpochMs, limit: number, after?: DueCase): Promise<readonly DueCase[]>;
}
