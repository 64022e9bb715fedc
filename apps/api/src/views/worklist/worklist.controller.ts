/**
 * GET /cases (API.md "Queries"): the worklist and search over `case_views`, a keyset page over its
 * indexes (worklist-query.ts), in the caller's scope (R1), applicants masked unless auditor (I1),
 * the level assessed at the moment of the query, the violation codes from the accountability view.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { StoredAccountabilityCaseDocument } from '#infra/read-store/documents/accountability-documents.js';
import {
  LEVEL_STATE_PROJECTION,
  levelStateOf,
  type LevelState,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { CASE_SUMMARY_FIELDS, caseSummaryAt, type CaseSummaryDocument } from '../case-view/case-view-at.js';
import { CASE_VIEW_PROJECTIONS } from '../case-view/case-view.controller.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { PAGE_QUERY, SCOPE_QUERY, ViewRoute, pageLimit } from '../view-list-parameters.js';
import { optionalPosition } from '../view-query-parameters.js';
import { CaseSummariesPage, type CaseSummaryView } from './worklist-page.view.js';
import {
  CASE_STATUSES,
  LEVELS,
  worklistCursor,
  worklistQuery,
  worklistReads,
  type Key,
  type WorklistQuery,
} from './worklist-query.js';
import type { ClientSession, Filter } from 'mongodb';
import { caseLevel } from '#domain/timeliness/case-level.js';
import { assertReads } from '../../auth/assert-reads.js';

/** What a page reads of a `case_views` document: what it shows, and the state the level reads. */
type WorklistRow = Pick<StoredCaseViewDocument, '_id' | (typeof CASE_SUMMARY_FIELDS)[number]> & {
  state?: LevelState;
  stateJson?: string;
};
const WORKLIST_PROJECTION = {
  ...Object.fromEntries(CASE_SUMMARY_FIELDS.map((field) => [field, 1] as const)),
  ...LEVEL_STATE_PROJECTION,
};

/** Roles that read cases (mayRead); others are refused, not shown an empty list. */

@ApiTags('views')
@ApiBearerAuth()
@Controller('cases')
export class WorklistController {
  constructor(private readonly positions: ReadModelPositions) {}

  @Get()
  @ApiOperation({
    summary: 'Worklist and search (办件列表与查询)',
    description:
      'Roles: staff in scope (window/approver: own department; guide: own center; proxy: own cases), supervisor (own center), auditor (all). ' +
      'A token without the claim its role’s scope needs sees nothing (R1). Sort `-receivedAt` (default; cases not yet received last) or ' +
      '`deadline` (cases with a deadline, earliest first). `level` is assessed at the moment of the query. Applicant masked unless auditor (I1).',
  })
  @ViewRoute(CaseSummariesPage, [
    {
      name: 'status',
      description: `comma list of ${CASE_STATUSES.join(', ')}`,
      example: 'accepted,suspended',
    },
    SCOPE_QUERY.centerId,
    SCOPE_QUERY.departmentId,
    SCOPE_QUERY.windowId,
    { name: 'matterCode', example: 'M-001' },
    { name: 'receiptNo', example: 'SL-2026-0001' },
    { name: 'applicantName', description: 'the start of the name', example: '张' },
    { name: 'handledBy', enum: ['me'], description: 'cases in which the caller recorded a step' },
    { name: 'level', enum: LEVELS },
    { name: 'deadlineBefore', example: '2026-03-10T00:00:00+08:00' },
    { name: 'deadlineAfter', example: '2026-03-01T00:00:00+08:00' },
    { name: 'receivedFrom', example: '2026-03-01T00:00:00+08:00' },
    { name: 'receivedTo', example: '2026-03-31T23:59:59+08:00' },
    { name: 'sort', enum: ['-receivedAt', 'deadline'] },
    ...PAGE_QUERY,
  ])
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<CaseSummariesPage> {
    assertReads(actor, 'worklist');
    const limit = pageLimit(query.limit);
    const { filter, sort, level, after } = worklistQuery(actor, query);
    const minPosition = optionalPosition(query.minPosition);
    if (filter === undefined) {
      await this.positions.waitFor(minPosition, CASE_VIEW_PROJECTIONS);
      return { items: [], nextCursor: null };
    }
    return this.positions.readCaughtUp(minPosition, CASE_VIEW_PROJECTIONS, (session) =>
      this.page(actor, { filter, sort, ...(level !== undefined && { level }) }, after, limit, session),
    );
  }

  private async page(
    actor: Actor,
    { filter, sort, level }: WorklistQuery & { filter: Filter<StoredCaseViewDocument> },
    after: Key | undefined,
    limit: number,
    session: ClientSession | undefined,
  ): Promise<CaseSummariesPage> {
    const inSession = session ? { session } : {};
    const db = this.positions.db();
    const configuration = await this.positions.configuration('case-views');
    const now = this.positions.now();
    const page: (CaseSummaryDocument & { _id: string })[] = [];
    let more = false;
    // The keyset reads one after the other (received cases, then those not yet received) until
    // the page and one more are read.
    for (const read of worklistReads(sort, filter, after)) {
      const wanted = limit + 1 - page.length;
      const cursor = db
        .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
        .find<WorklistRow>(read.filter, { projection: WORKLIST_PROJECTION, ...inSession })
        .sort(read.sort)
        // Without a level filter one more than a page tells whether another follows; with one, the
        // level is assessed now and the documents are read on until the page is full.
        .batchSize(level === undefined ? wanted : Math.max(wanted, 200));
      try {
        for await (const stored of level === undefined ? cursor.limit(wanted) : cursor) {
          const { state: _state, stateJson: _json, ...fields } = stored;
          const doc = { ...fields, state: levelStateOf(stored) };
          if (
            level !== undefined &&
            caseLevel(doc.state, configuration.policy, configuration.officeClock(doc.centerId), now).level !==
              level
          )
            continue;
          if (page.length === limit) {
            more = true;
            break;
          }
          page.push(doc);
        }
      } finally {
        await cursor.close();
      }
      if (more) break;
    }
    const violations = new Map<string, StoredAccountabilityCaseDocument['violations']>();
    // One $in over the page's ids (at most a page): the _id index on MongoDB and on the local build.
    if (page.length > 0) {
      const found = await db
        .collection<StoredAccountabilityCaseDocument>(READ_MODELS.accountabilityCases)
        .find(
          { _id: { $in: page.map((doc) => doc.caseId) } },
          { projection: { violations: 1 }, ...inSession },
        )
        .toArray();
      for (const doc of found) violations.set(doc._id, doc.violations);
    }
    const items = page.map((doc): CaseSummaryView =>
      caseSummaryAt(
        doc,
        violations.get(doc.caseId) ?? [],
        actor,
        configuration.policy,
        configuration.officeClock(doc.centerId),
        now,
      ),
    );
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: more && last ? worklistCursor(sort, last) : null,
    };
  }
}
