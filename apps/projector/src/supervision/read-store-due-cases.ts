/**
 * The due-case query over `case_views` (DESIGN.md "Read models", "Supervision"): cases whose
 * `nextCheckAt` has passed, in (nextCheckAt, _id) order, as a keyset page over the `next_check`
 * index (CASE_VIEW_INDEXES). The cost follows the page, never the open cases, on a server that
 * runs range filters and sorts on indexes (MongoDB; the local FerretDB build, README).
 * Closed cases have no `nextCheckAt` (null) and are not in the index.
 */
import type { Collection, Db, Filter } from 'mongodb';
import type { EpochMs } from '#domain/calendar/index.js';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { DueCase, DueCases } from './due-cases.port.js';

export class ReadStoreDueCases implements DueCases {
  private readonly views: Collection<StoredCaseViewDocument>;

  constructor(db: Db) {
    this.views = db.collection<StoredCaseViewDocument>(READ_MODELS.caseViews);
  }

  async dueAt(now: EpochMs, limit: number, after?: DueCase): Promise<readonly DueCase[]> {
    if (limit <= 0) return [];
    // Each branch names the partial index's `$type`: MongoDB's planner uses a partial index only for
    // a query that contains its filter expression, and does not derive `$type` from a comparison.
    const due = { $type: 'date', $lte: new Date(now) } as const;
    const filter: Filter<StoredCaseViewDocument> =
      after === undefined
        ? { nextCheckAt: due }
        : {
            $or: [
              { nextCheckAt: { ...due, $gt: new Date(after.nextCheckAt) } },
              {
                nextCheckAt: { $type: 'date', $eq: new Date(after.nextCheckAt) },
                _id: { $gt: after.caseId },
              },
            ],
          };
    const found = await this.views
      .find(filter, { projection: { _id: 1, nextCheckAt: 1 } })
      .sort({ nextCheckAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return found.flatMap((v) =>
      v.nextCheckAt === null ? [] : [{ caseId: v._id, nextCheckAt: v.nextCheckAt.getTime() }],
    );
  }
}
