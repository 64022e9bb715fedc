/**
 * The due-complaint query of supervision (T10, P2): the complaints without a case that are open,
 * not yet flagged and past their limit, oldest limit first, in keyset pages. Like the due cases, it
 * only names complaints: the supervisor reloads each from the event store before deciding.
 */
import type { EpochMs } from '#domain/calendar/index.js';

export interface DueComplaint {
  readonly complaintId: string;
  /** When the view said the complaint should be looked at (its limit). */
  readonly nextCheckAt: EpochMs;
}

export interface DueComplaints {
  /** At most `limit` complaints with `nextCheckAt <= now`, in (nextCheckAt, complaintId) order, after `after`. */
  dueAt(now: EpochMs, limit: number, after?: DueComplaint): Promise<readonly DueComplaint[]>;
}
