/**
 * Queries served from the event store (issue 5): GET /cases/{id}/events, /state?asOf=, /integrity.
 * GET /cases/{id} is the projector's view (views/case-view); case-from-events.controller.ts serves
 * it only in an API process started without a read store.
 */
import { applyDecorators, Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  type ApiOperationOptions,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { RecordedEvent, StreamVerification } from '#infra/event-store/event-store.port.js';
import { caseEventsCsv, CSV_CONTENT_TYPE, csvFileName } from '../audit/csv/case-events-csv.js';
import { dataAsSeenBy, seesPersonalData } from '../audit/personal-data.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { ResponseHeaders } from '../command-pipeline/answer-response.js';
import { ApiJsonOrTextResponse } from '../openapi/json-or-text-response.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../openapi/problem-responses.js';
import { RecordedEventSchema } from '../openapi/recorded-event.schema.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import { timeFilter } from '../validation/time-filter.js';
import { CaseView } from './queries/case-view.js';
import {
  GetCaseEventsQuery,
  GetCaseStateQuery,
  VerifyCaseIntegrityQuery,
  type CaseEventsPage,
} from './queries/read-case-query.js';
import { DEFAULT_LIMIT, MAX_LIMIT, readPageRequest } from './queries/list-page.js';
import { checkMinPosition, MinPosition } from './queries/min-position.js';

class CaseEventsView {
  @ApiProperty({ type: [RecordedEventSchema] }) items!: RecordedEvent[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last',
    example: 'cmV2OjUw',
  })
  nextCursor!: string | null;
  @ApiProperty({
    description:
      'I1: true when applicant identifiers in `data` are masked (every reader but an auditor); the integrity hashes are of the unmasked data',
    example: true,
  })
  personalDataMasked!: boolean;
}

class IntegrityView {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiProperty({ example: 7 }) checked!: number;
  @ApiPropertyOptional({ example: 3, description: 'Present when a link is broken' })
  firstBrokenRevision?: number;
}

/** A case outside the reader's scope is not found (R1, finding 13): no read answers OUT_OF_SCOPE. */
export const READ_PROBLEMS = [
  ...COMMON_PROBLEMS,
  documentedProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
];

/**
 * A GET of one case: its path, operation and own decorators, then minPosition and READ_PROBLEMS,
 * as if written one above the other (TypeScript applies a method's decorators bottom up).
 */
export function CaseReadRoute(
  path: string,
  operation: ApiOperationOptions,
  ...decorators: MethodDecorator[]
): MethodDecorator {
  return applyDecorators(
    ...[
      Get(path),
      ApiOperation(operation),
      ...decorators,
      MinPosition(),
      ApiProblems(READ_PROBLEMS),
    ].reverse(),
  );
}

@ApiTags('case queries')
@ApiBearerAuth()
@Controller('cases')
export class CaseQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @CaseReadRoute(
    ':id/events',
    {
      summary: 'The recorded events of the case, in revision order, a page at a time (or all of them as CSV)',
      description:
        'Roles: auditor, supervisor. `format=csv`: RFC 4180, UTF-8 with BOM, one row per event (every event unless limit/cursor are given); ' +
        'applicant identifiers masked unless the reader is an auditor (I1).',
    },
    ApiQuery({
      name: 'limit',
      required: false,
      description: `1–${MAX_LIMIT}, default ${DEFAULT_LIMIT} (CSV: every event)`,
      example: 50,
    }),
    ApiQuery({
      name: 'cursor',
      required: false,
      description: 'nextCursor of the previous page',
      example: 'cmV2OjUw',
    }),
    ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'], example: 'csv' }),
  )
  @ApiJsonOrTextResponse({
    description: 'A page of events (JSON), or every event as CSV',
    json: CaseEventsView,
    text: {
      mediaType: 'text/csv',
      example:
        'revision,position,type,occurredAt,recordedAt,actorId,actorName,actorRole,actorDepartmentId,actorWindowId,correlationId,causationId,data,hash\r\n' +
        '0,00000000000000000750:00000000000000000001,InquiryRegistered,2026-03-02T09:00:00.000+08:00,…',
    },
  })
  async events(
    @Param('id', IdParamPipe) caseId: string,
    @Query('limit') limit: unknown,
    @Query('cursor') cursor: unknown,
    @Query('format') format: unknown,
    @Query('minPosition') minPosition: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CaseEventsView | string> {
    checkMinPosition(minPosition);
    if (format !== undefined && format !== 'json' && format !== 'csv')
      throw new ProblemException(
        problems.validation('format is json or csv.', [{ field: 'format', message: 'must be json or csv' }]),
      );
    if (format !== 'csv') {
      const page: CaseEventsPage = await this.queries.execute(
        new GetCaseEventsQuery(caseId, actor, readPageRequest(limit, cursor)),
      );
      // I1: applicant identifiers masked for everyone but auditors (the hash is of the stored data,
      // so only an auditor's copy verifies; personalDataMasked says which one this is).
      return {
        items: page.items.map((event) => ({ ...event, data: dataAsSeenBy(event, actor) })),
        nextCursor: page.nextCursor,
        personalDataMasked: !seesPersonalData(actor),
      };
    }
    const page = readPageRequest(limit, cursor);
    const all = limit === undefined ? { ...page, limit: Number.MAX_SAFE_INTEGER } : page;
    const { items } = await this.queries.execute(new GetCaseEventsQuery(caseId, actor, all));
    response.header('Content-Type', CSV_CONTENT_TYPE);
    response.header('Content-Disposition', `attachment; filename="${csvFileName(caseId)}"`);
    return caseEventsCsv(items, actor);
  }

  @CaseReadRoute(
    ':id/state',
    {
      summary: 'The case as it stood at an instant, rebuilt from its events (U4)',
      description:
        'Roles: auditor, supervisor. `asOf` is business time: the events whose occurredAt is at or before it; ' +
        'an instant with an offset (its + sent as %2B) or a date YYYY-MM-DD (the end of that day, Asia/Shanghai).',
    },
    ApiQuery({ name: 'asOf', required: true, example: '2026-03-05T12:00:00+08:00' }),
  )
  @ApiOkResponse({ type: CaseView })
  state(
    @Param('id', IdParamPipe) caseId: string,
    @Query('asOf') asOfText: unknown,
    @Query('minPosition') minPosition: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<CaseView> {
    checkMinPosition(minPosition);
    // The time filter of every route: an instant, or a date meaning the end of that day.
    const asOf = timeFilter('asOf', asOfText ?? '', 'at')!;
    return this.queries.execute(new GetCaseStateQuery(caseId, actor, asOf, 'events'));
  }

  @CaseReadRoute(':id/integrity', {
    summary: "Verify the case's hash chain (U3)",
    description: 'Roles: auditor.',
  })
  @ApiOkResponse({ type: IntegrityView })
  integrity(
    @Param('id', IdParamPipe) caseId: string,
    @Query('minPosition') minPosition: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<StreamVerification> {
    checkMinPosition(minPosition);
    return this.queries.execute(new VerifyCaseIntegrityQuery(caseId, actor));
  }
}
