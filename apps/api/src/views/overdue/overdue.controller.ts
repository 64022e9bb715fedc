/**
 * GET /views/overdue (API.md "Queries"): the open cases past their deadline now, with `overdueBy`
 * in working minutes; filters centerId, departmentId, windowId, level, deadlineBefore,
 * deadlineAfter; sort `deadline` (default) or `-overdueBy`; cursor pages. Supervisors see their
 * center, window staff and approvers their department, auditors everything; applicants masked
 * unless auditor (I1).
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { maskApplicant } from '#domain/privacy/mask-applicant.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { PAGE_QUERY, SCOPE_QUERY, ViewRoute, askedScope, pageLimit } from '../view-list-parameters.js';
import {
  decodeCursor,
  encodeCursor,
  optionalEnum,
  optionalInstant,
  optionalInstantBefore,
  optionalPosition,
} from '../view-query-parameters.js';
import { scopedFilters } from '../view-scope.js';
import { caseScopeFilter } from '../read-scope/case-scope-filter.js';
import { OpenCaseViews } from './open-case-views.js';
import { OverdueCasesPage } from './overdue-case.view.js';
import { overdueByRead } from './overdue-by-read.js';
import { overduePage, type OverdueSort } from './overdue-cases.js';

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class OverdueController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly views: OpenCaseViews,
  ) {}

  @Get('overdue')
  @ApiOperation({
    summary: 'Overdue cases now (超期办件), with the working minutes they are overdue by',
    description:
      'Roles: supervisor (own center), auditor, window and approver (own department). A case is overdue when it is open and ' +
      'its deadline has passed at the moment of the query (a suspension stops the clock, T6). Applicant masked unless auditor (I1).',
  })
  @ViewRoute(OverdueCasesPage, [
    SCOPE_QUERY.centerId,
    SCOPE_QUERY.departmentId,
    SCOPE_QUERY.windowId,
    { name: 'level', enum: ['yellow', 'red'] },
    { name: 'deadlineBefore', example: '2026-03-10T00:00:00+08:00' },
    { name: 'deadlineAfter', example: '2026-03-01T00:00:00+08:00' },
    { name: 'sort', enum: ['deadline', '-overdueBy'] },
    ...PAGE_QUERY,
  ])
  async overdue(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<OverdueCasesPage> {
    const sort: OverdueSort =
      optionalEnum('sort', query.sort, ['deadline', '-overdueBy'] as const) ?? 'deadline';
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.cursor, ['number', 'number', 'string']);
    const filters = {
      ...scopedFilters(actor, askedScope(query, ['centerId', 'departmentId', 'windowId']), 'overdue'),
      level: optionalEnum('level', query.level, ['yellow', 'red'] as const),
      deadlineBefore: optionalInstantBefore('deadlineBefore', query.deadlineBefore),
      deadlineAfter: optionalInstant('deadlineAfter', query.deadlineAfter),
    };
    const minPosition = optionalPosition(query.minPosition);
    const scope = caseScopeFilter(actor);
    if (scope.sees === 'nothing') {
      await this.positions.waitFor(minPosition, ['case-views']);
      return { items: [], nextCursor: null };
    }
    const sees = scope.sees;
    return this.positions.readCaughtUp(minPosition, ['case-views'], async (session) => {
      const now = this.positions.now();
      const configuration = await this.positions.configuration('case-views');
      const filter = {
        ...sees,
        ...(filters.centerId !== undefined && { centerId: filters.centerId }),
        ...(filters.departmentId !== undefined && { departmentId: filters.departmentId }),
        ...(filters.windowId !== undefined && { windowId: filters.windowId }),
      };
      const before = Math.min(now, filters.deadlineBefore ?? now);
      const window = {
        ...(session && { session }),
        filter,
        before,
        ...(filters.deadlineAfter !== undefined && { after: filters.deadlineAfter }),
      };
      const cursor = after && ([Number(after[0]), Number(after[1]), String(after[2])] as const);
      const { page, next } =
        sort === '-overdueBy'
          ? // A keyset read per office clock too (overdue-by-order.ts says why the order allows it).
            await overdueByRead(this.views, {
              ...window,
              level: filters.level,
              environment: configuration,
              now,
              limit,
              cursor: cursor && [...cursor],
            })
          : await overduePage(
              // Deadline order: start the index range at the previous page's last item, and read one
              // more than a page (overduePage stops there) unless cases on the way are not overdue.
              this.views.passedDeadlines({
                ...window,
                batchSize: limit + 1,
                ...(cursor && { from: { deadlineAt: cursor[0], caseId: cursor[2] } }),
              }),
              filters.level,
              configuration,
              now,
              sort,
              limit,
              after,
            );
      return {
        items: page.map(({ entry, level, overdueBy }) => ({
          caseId: entry.caseId,
          status: entry.status,
          centerId: entry.centerId,
          departmentId: entry.departmentId,
          windowId: entry.windowId,
          matterCode: entry.matterCode,
          applicant: entry.applicant
            ? actor.role === 'auditor'
              ? entry.applicant
              : maskApplicant(entry.applicant)
            : null,
          acceptedAt: entry.acceptedAt === null ? null : toShanghaiIso(entry.acceptedAt.getTime()),
          deadline: toShanghaiIso(entry.deadlineAt),
          level,
          overdueBy,
          revision: entry.revision,
          position: entry.position,
        })),
        nextCursor: next ? encodeCursor(next) : null,
      };
    });
  }
}
