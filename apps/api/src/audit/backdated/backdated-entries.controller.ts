/**
 * GET /views/audit/backdated (issue 7.5, U2): the entries recorded more than 10 minutes after they
 * happened (补录), with their reason, actor, case and gap; filters from/to (recording time) and
 * departmentId (of the staff member); cursor pages as API.md "Lists".
 */
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { DEFAULT_LIMIT, MAX_LIMIT, readPageRequest } from '../../cases/queries/list-page.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../../openapi/problem-responses.js';
import { ProblemException, problems } from '../../problem/problem-details.js';
import { afterOf } from './backdated-cursor.js';
import { GetBackdatedEntriesQuery } from './backdated-entries.query.js';
import { BackdatedEntriesPage } from './backdated-entry.view.js';
import { timeRange } from '../../views/view-query-parameters.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('views/audit')
export class BackdatedEntriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('backdated')
  @ApiOperation({
    summary: 'Back-dated entries (补录, U2): recorded more than 10 minutes after they happened',
    description: 'Roles: auditor. Newest first (by recording time). Read from the projector’s view.',
  })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'Recorded at or after: an instant with an offset, or a date from its 00:00',
    example: '2026-03-01T00:00:00+08:00',
  })
  @ApiQuery({
    name: 'to',
    required: false,
    description: 'Recorded before: an instant, or a date including its whole day',
    example: '2026-04-01T00:00:00+08:00',
  })
  @ApiQuery({
    name: 'departmentId',
    required: false,
    description: 'Of the staff member who made the entry',
    example: 'dept-market',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    description: `1–${MAX_LIMIT}, default ${DEFAULT_LIMIT}`,
    example: 50,
  })
  @ApiQuery({
    name: 'cursor',
    required: false,
    description: 'nextCursor of the previous page',
    example: 'MTc3MjQyMjcwMDAwMHwwZjhj',
  })
  @ApiOkResponse({ type: BackdatedEntriesPage })
  @ApiProblems(COMMON_PROBLEMS, [
    documentedProblem(503, 'READ_STORE_UNAVAILABLE', 'This process runs without a read store.'),
  ])
  list(
    @Query('from') from: unknown,
    @Query('to') to: unknown,
    @Query('departmentId') departmentId: unknown,
    @Query('limit') limit: unknown,
    @Query('cursor') cursor: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<BackdatedEntriesPage> {
    if (
      departmentId !== undefined &&
      (typeof departmentId !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(departmentId))
    )
      throw new ProblemException(
        problems.validation('departmentId is a department id.', [
          { field: 'departmentId', message: 'must be a department id' },
        ]),
      );
    // The one time filter of every route: instants or dates (a date as `to` includes its day), T14.
    const { from: fromMs, to: toMs } = timeRange({ from, to });
    const after = afterOf(cursor);
    return this.queries.execute(
      new GetBackdatedEntriesQuery(actor, {
        limit: readPageRequest(limit, undefined).limit,
        ...(fromMs !== undefined && { from: fromMs }),
        ...(toMs !== undefined && { to: toMs }),
        ...(typeof departmentId === 'string' && { departmentId }),
        ...(after !== undefined && { after }),
      }),
    );
  }
}
