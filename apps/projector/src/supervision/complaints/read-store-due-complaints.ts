/**
 * The due-complaint query over `complaint_views` (T10, P2): a keyset page over the `next_check`
 * index of the complaints projection (`nextCheckAtMs`, a number only while a complaint without a
 * case is open and unflagged; null otherwise, so a range on it never reads the others).
 */
import type { Collection, Db, Document } from 'mongodb';
import type { EpochMs } from '#domain/calendar/index.js';
import {
  COMPLAINT_VIEWS,
  type ComplaintViewDocument,
} from '#infra/read-store/documents/complaint-view-document.js';
import type { DueComplaint, DueComplaints } from './due-complaints.port.js';

export class ReadStoreDueComplaints implements DueComplaints {
  private readonly views: Collection<ComplaintViewDocument>;

  constructor(db: Db) {
    this.views = db.collection<ComplaintViewDocument>(COMPLAINT_VIEWS);
  }

  async dueAt(now: EpochMs, limit: number, after?: DueComplaint): Promise<readonly DueComplaint[]> {
    if (limit <= 0) return [];
    // Each branch names the partial index's `$type` (as read-store-due-cases.ts explains). The
    // driver's filter types have no `'number'` alias (any numeric BSON type), hence `Document`.
    const due = { $type: 'number', $lte: now };
    const filter: Document =
      after === undefined
        ? { nextCheckAtMs: due }
        : {
            $or: [
              { nextCheckAtMs: { ...due, $gt: after.nextCheckAt } },
              { nextCheckAtMs: { $type: 'number', $eq: after.nextCheckAt }, _id: { $gt: after.complaintId } },
            ],
          };
    const found = await this.views
      .find(filter, { projection: { _id: 1, nextCheckAtMs: 1 } })
      .sort({ nextCheckAtMs: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return found.flatMap((v) =>
      typeof v.nextCheckAtMs === 'number' ? [{ complaintId: v._id, nextCheckAt: v.nextCheckAtMs }] : [],
    );
  }
}
