/**
 * `complaint_views` (P1, P2): one document per complaint, with or without a case, what
 * GET /views/complaints lists. Kept in its own file beside the other read-model documents.
 */
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
  readonly status: 'received' | 'investigating' | 'concluded';
  readonly receivedAt: string;
  readonly receivedAtMs: number;
  readonly dueAt: string;
  readonly dueAtMs: number;
  readonly concludedAt?: string;
  readonly substantiated?: boolean;
  readonly late?: boolean;
  /** T10: supervision flagged it overdue. */
  readonly overdueFlagged: boolean;
}
