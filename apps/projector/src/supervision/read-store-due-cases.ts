/**
 * The due-case query over the projector's `case_views` (DESIGN.md "Read models"): open cases whose
 * `nextCheckAt` has passed, in (nextCheckAt, _id) order, one query on the `nextCheckAt` index; only
 * the ids and times are read. Closed cases have no `nextCheckAt` and never match.
 */
import type { Collection, Db, Filter } from 'mongodb';
import type { EpochMs } from '#domain/calendar/index.js';
import type { DueCase, DueCases } from './due-cases.port.js';

export const CASE_VIEWS_COLLECTION = 'case_views';

/** The fields of a case view this query reads (the projector writes the whole document). */
export interface CaseViewDueFields {
  /** The case id. */
  _id: string;
  /** When supervision should look at the case again; absent once nothing can fall due (closed). */
  nextCheckAt?: Date | null;
}

export class ReadStoreDueCases implements DueCases {
  private readonly views: Collection<CaseViewDueFields>;

  constructor(db: Db) {
    this.views = db.collection<CaseViewDueFields>(CASE_VIEWS_COLLECTION);
  }

  /** The filter of `dueAt`, for `explain()` in the bench and the tests. */
  static filter(now: EpochMs, after?: DueCase): Filter<CaseViewDueFields> {
    const due: Filter<CaseViewDueFields> = { nextCheckAt: { $lte: new Date(now) } };
    if (after === undefined) return due;
    const at = new Date(after.nextCheckAt);
    return {
      ...due,
      $or: [{ nextCheckAt: { $gt: at } }, { nextCheckAt: at, _id: { $gt: after.caseId } }],
    };
  }

  async dueAt(now: EpochMs, limit: number, after?: DueCase): Promise<readonly DueCase[]> {
    const docs = await this.views
      .find(ReadStoreDueCases.filter(now, after), { projection: { _id: 1, nextCheckAt: 1 } })
      .sort({ nextCheckAt: 1, _id: 1 })
      .limit(limit)
      .toArray();
    return docs.map((d) => ({ caseId: d._id, nextCheckAt: d.nextCheckAt!.getTime() }));
  }
}
