/**
 * The open cases with a passed deadline, read from `case_views` (DESIGN.md "Read models"): a
 * keyset range over the `open_center_deadline` / `open_department_deadline` indexes
 * (CASE_VIEW_INDEXES), in (deadlineAt, _id) order, decoded to what the overdue view assesses.
 */
import { Injectable } from '@nestjs/common';
import type { ClientSession, Filter } from 'mongodb';
import {
  decodeCaseView,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { ReadModelPositions } from '../read-model-positions.js';
import type { OverdueCandidate } from './overdue-cases.js';

export interface OpenDeadlineQuery {
  /** The caller's scope (read-scope/case-scope-filter.ts) and the asked filters, as one filter. */
  readonly filter: Filter<StoredCaseViewDocument>;
  /** Only deadlines before this instant (now, or an earlier deadlineBefore). */
  readonly before: number;
  readonly after?: number;
  /** Keyset start: candidates from this (deadline, case id) on, inclusive of later ids only. */
  readonly from?: { readonly deadlineAt: number; readonly caseId: string };
  /** The causally consistent session of a `minPosition` read (ReadModelPositions.readCaughtUp). */
  readonly session?: ClientSession;
  /**
   * Documents per batch (default 200): a page in deadline order stops after one more than a page,
   * so it asks for that many, and the read store decodes no more than it needs.
   */
  readonly batchSize?: number;
}

@Injectable()
export class OpenCaseViews {
  constructor(private readonly positions: ReadModelPositions) {}

  async *passedDeadlines(query: OpenDeadlineQuery): AsyncGenerator<OverdueCandidate> {
    const deadline = {
      $lt: new Date(query.before),
      ...(query.after !== undefined && { $gt: new Date(query.after) }),
    };
    const from = query.from;
    const range: Filter<StoredCaseViewDocument> = from
      ? {
          $or: [
            {
              deadlineAt: {
                ...deadline,
                $gt: new Date(Math.max(from.deadlineAt, query.after ?? from.deadlineAt)),
              },
            },
            { deadlineAt: new Date(from.deadlineAt), _id: { $gt: from.caseId } },
          ],
        }
      : { deadlineAt: deadline };
    const cursor = this.positions
      .db()
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .find({ $and: [query.filter, { open: true }, range] }, query.session ? { session: query.session } : {})
      .sort({ deadlineAt: 1, _id: 1 })
      .batchSize(query.batchSize ?? 200);
    try {
      for await (const stored of cursor) {
        const doc = decodeCaseView(stored);
        if (doc.deadlineAt === null) continue;
        yield {
          caseId: doc.caseId,
          status: doc.status,
          centerId: doc.centerId,
          departmentId: doc.departmentId,
          windowId: doc.windowId,
          matterCode: doc.matterCode,
          applicant: doc.applicant,
          acceptedAt: doc.acceptedAt,
          deadlineAt: doc.deadlineAt.getTime(),
          revision: doc.revision,
          position: doc.position,
          state: doc.state,
        };
      }
    } finally {
      await cursor.close();
    }
  }
}
