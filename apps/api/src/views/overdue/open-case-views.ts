/**
 * The open cases with a passed deadline, read from `case_views` (DESIGN.md "Read models"): a
 * keyset range over the `open_center_deadline` / `open_department_deadline` indexes
 * (CASE_VIEW_INDEXES), in (deadlineAt, _id) order: only the fields an item shows and the part of
 * the state its level reads (levelStateOf), what the overdue view assesses.
 */
import { Injectable } from '@nestjs/common';
import type { ClientSession, Filter } from 'mongodb';
import {
  LEVEL_STATE_PROJECTION,
  levelStateOf,
  type LevelState,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { ReadModelPositions } from '../read-model-positions.js';
import type { OverdueCandidate } from './overdue-cases.js';

/** The fields an overdue item shows, and the state its level and overdue minutes are assessed from. */
const CANDIDATE_FIELDS = [
  'caseId',
  'status',
  'centerId',
  'departmentId',
  'windowId',
  'matterCode',
  'applicant',
  'acceptedAt',
  'deadlineAt',
  'revision',
  'position',
] as const;
type CandidateRow = Pick<StoredCaseViewDocument, (typeof CANDIDATE_FIELDS)[number]> & {
  state?: LevelState;
  stateJson?: string;
};
const CANDIDATE_PROJECTION = {
  ...Object.fromEntries(CANDIDATE_FIELDS.map((field) => [field, 1] as const)),
  ...LEVEL_STATE_PROJECTION,
};

export interface OpenDeadlineQuery {
  /** The caller's scope (read-scope/case-scope-filter.ts) and the asked filters, as one filter. */
  readonly filter: Filter<StoredCaseViewDocument>;
  /** Only deadlines before this instant (now, or an earlier deadlineBefore). */
  readonly before: number;
  readonly after?: number;
  /** Keyset start: candidates from this (deadline, case id) on, inclusive of later ids only. */
  readonly from?: { readonly deadlineAt: number; readonly caseId: string };
  /** Only the suspended cases (`suspendedNow`, case-view-of.ts): the -overdueBy read's parked ones. */
  readonly suspendedOnly?: boolean;
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
    // A resumed range also bounds deadlineAt outside the `$or` (both branches imply it): an index
    // range the store reads in order from the resume point, rather than each branch on its own and
    // everything after the resume point sorted (FerretDB's SQLite) before the first row is returned.
    const range: Filter<StoredCaseViewDocument> = from
      ? {
          deadlineAt: {
            $gte: new Date(from.deadlineAt),
            $lt: new Date(Math.max(query.before, from.deadlineAt + 1)),
          },
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
      .find<CandidateRow>(
        {
          $and: [
            query.filter,
            { open: true, ...(query.suspendedOnly && { suspendedNow: true }) },
            // T12: a decided case awaiting delivery has stopped its clock and is never overdue. They
            // can be most of the open cases (7,303 of 7,840 in bench:projector's 10,000), each read
            // and assessed for nothing. A document built before case-views 5 has no `clockRunning`
            // (null matches it): assessOverdue skips it if decided.
            { $or: [{ clockRunning: true }, { clockRunning: null }] },
            range,
          ],
        },
        { projection: CANDIDATE_PROJECTION, ...(query.session && { session: query.session }) },
      )
      .sort({ deadlineAt: 1, _id: 1 })
      .batchSize(query.batchSize ?? 200);
    try {
      for await (const doc of cursor) {
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
          state: levelStateOf(doc),
        };
      }
    } finally {
      await cursor.close();
    }
  }
}
