/**
 * The cases whose clock runs with a passed deadline, read from `case_views` (DESIGN.md "Read
 * models"): a keyset range over the `running_*` indexes (CASE_VIEW_INDEXES), in (deadline, _id)
 * order: only the fields an item shows and the part of the state its level reads (levelStateOf),
 * what the overdue view assesses.
 */
import { Injectable } from '@nestjs/common';
import type { ClientSession, Condition, Filter } from 'mongodb';
import {
  LEVEL_STATE_PROJECTION,
  levelStateOf,
  RUNNING_DEADLINE_VERSION,
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

/**
 * The field the candidates are read by: `runningDeadlineAt` (the `running_*` indexes: only cases
 * whose clock runs), or, while the store still serves documents of case-views ≤ 5 (an upgrade's
 * rebuild not yet swapped in), `deadlineAt` with the conditions below.
 */
export type DeadlineKey = 'runningDeadlineAt' | 'deadlineAt';

/**
 * What `runningDeadlineAt` says, for documents built before it: open, and the clock running (T12:
 * a decided case awaiting delivery is never overdue). Case-views ≤ 4 has no `clockRunning` (null
 * matches it): assessOverdue skips such a case if decided.
 */
const OLDER_DOCUMENTS_RUNNING: readonly Filter<StoredCaseViewDocument>[] = [
  { open: true },
  { $or: [{ clockRunning: true }, { clockRunning: null }] },
];

const filterOn = (key: DeadlineKey, condition: Condition<Date | null>): Filter<StoredCaseViewDocument> =>
  key === 'runningDeadlineAt' ? { runningDeadlineAt: condition } : { deadlineAt: condition };

/** The order of the keyset range: by deadline, then case id. */
export const deadlineOrder = (key: DeadlineKey): Record<string, 1> => ({ [key]: 1, _id: 1 });

/**
 * Deadlines before `query.before` (and after `query.after`), from the keyset start on. The outer
 * condition names the partial index's `$type` (MongoDB uses a partial index only for a query that
 * does; FerretDB's pre-filter finds it implied by the date bounds). A resumed range also bounds the
 * key outside the `$or` (both branches imply it): an index range the store reads in order from the
 * resume point, rather than each branch on its own and everything after the resume point sorted
 * (FerretDB's SQLite) before the first row is returned.
 */
export function deadlineRange(
  key: DeadlineKey,
  query: Pick<OpenDeadlineQuery, 'before' | 'after' | 'from'>,
): Filter<StoredCaseViewDocument> {
  const dated = key === 'runningDeadlineAt' ? ({ $type: 'date' } as const) : {};
  const deadline = {
    $lt: new Date(query.before),
    ...(query.after !== undefined && { $gt: new Date(query.after) }),
  };
  const from = query.from;
  if (!from) return filterOn(key, { ...dated, ...deadline });
  return {
    $and: [
      filterOn(key, {
        ...dated,
        $gte: new Date(from.deadlineAt),
        $lt: new Date(Math.max(query.before, from.deadlineAt + 1)),
      }),
      {
        $or: [
          filterOn(key, {
            ...deadline,
            $gt: new Date(Math.max(from.deadlineAt, query.after ?? from.deadlineAt)),
          }),
          { ...filterOn(key, new Date(from.deadlineAt)), _id: { $gt: from.caseId } },
        ],
      },
    ],
  };
}

@Injectable()
export class OpenCaseViews {
  constructor(private readonly positions: ReadModelPositions) {}

  async *passedDeadlines(query: OpenDeadlineQuery): AsyncGenerator<OverdueCandidate> {
    const running = await this.positions.builtSince('case-views', RUNNING_DEADLINE_VERSION);
    const key: DeadlineKey = running ? 'runningDeadlineAt' : 'deadlineAt';
    const cursor = this.positions
      .db()
      .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
      .find<CandidateRow>(
        {
          $and: [
            query.filter,
            ...(query.suspendedOnly ? [{ suspendedNow: true }] : []),
            ...(running ? [] : OLDER_DOCUMENTS_RUNNING),
            deadlineRange(key, query),
          ],
        },
        { projection: CANDIDATE_PROJECTION, ...(query.session && { session: query.session }) },
      )
      .sort(deadlineOrder(key))
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
