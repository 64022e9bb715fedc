/**
 * `complaint_views` (P1, P2): one document per complaint, with or without a case, what
 * GET /views/complaints lists. Kept in its own file beside the other read-model documents.
 */
import type { IndexDescription } from 'mongodb';

export const COMPLAINT_VIEWS = 'complaint_views';

export interface ComplaintViewDocument {
  readonly _id: string;
  readonly complaintId: string;
  /** The case a complaint filed on a case belongs to; null for a complaint without one (P1). */
  readonly caseId: string | null;
  /** null for a case complaint filed before complaints recorded their center. */
  readonly centerId: string | null;
  readonly channel: string;
  readonly subject: { readonly kind: string; readonly id?: string };
  /** P3: the window and department a complaint without a case counts against (named or given with a staff member). */
  readonly windowId?: string;
  readonly departmentId?: string;
  readonly status: 'received' | 'investigating' | 'concluded';
  readonly receivedAt: string;
  readonly receivedAtMs: number;
  readonly dueAt: string;
  readonly dueAtMs: number;
  readonly concludedAt?: string;
  readonly concludedAtMs?: number;
  readonly substantiated?: boolean;
  readonly late?: boolean;
  /**
   * T10, P2: supervision flagged it overdue (recorded: `StepOverdueFlagged` of step `complaint` on a
   * case, `ComplaintOverdueFlagged` on a complaint without one). The authoritative fact of the record.
   */
  readonly overdueFlagged: boolean;
  /**
   * T10, P2: when supervision must look at this complaint without a case (the domain's
   * `complaintNextCheckAt`): its limit while open and unflagged, else null. Null for case complaints,
   * which the case's supervision flags.
   */
  readonly nextCheckAtMs: number | null;
}

/**
 * The indexes of `complaint_views` (DESIGN.md "Read models"): one per query, each ending in `_id`
 * for the keyset tie-break. GET /views/complaints lists newest first within a center (supervisor)
 * or all (auditor), by status or not; supervision reads the due complaints; the rankings count the
 * substantiated complaints concluded in a period.
 */
export const COMPLAINT_VIEW_INDEXES: readonly IndexDescription[] = [
  { name: 'center_received', key: { centerId: 1, receivedAtMs: -1, _id: -1 } },
  { name: 'center_status_received', key: { centerId: 1, status: 1, receivedAtMs: -1, _id: -1 } },
  { name: 'received', key: { receivedAtMs: -1, _id: -1 } },
  { name: 'status_received', key: { status: 1, receivedAtMs: -1, _id: -1 } },
  {
    name: 'next_check',
    key: { nextCheckAtMs: 1, _id: 1 },
    partialFilterExpression: { nextCheckAtMs: { $type: 'number' } },
  },
  { name: 'center_concluded', key: { centerId: 1, concludedAtMs: 1, _id: 1 } },
  { name: 'concluded', key: { concludedAtMs: 1, _id: 1 } },
];
