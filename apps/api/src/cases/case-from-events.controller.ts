/**
 * GET /cases/{id} rebuilt from the case's events, for an API process started without a read store
 * (the command-side HTTP suites). `npm start` and the projector deployment always have a read store,
 * where views/case-view answers this route from `case_views` instead; GET /health then says which
 * (`readStore: not_configured` here).
 */
import { Controller, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { ResponseHeaders } from '../command-pipeline/answer-response.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import { CaseReadRoute } from './case-queries.controller.js';
import { ApiCaseNowResponse, caseNowFromEvents } from './queries/case-now.js';
import type { CaseView } from './queries/case-view.js';
import { checkMinPosition } from './queries/min-position.js';

@ApiTags('case queries')
@ApiBearerAuth()
@Controller('cases')
export class CaseFromEventsController {
  constructor(private readonly queries: QueryBus) {}

  @CaseReadRoute(':id', {
    summary: 'The case now (rebuilt from its events: this process has no read store)',
    description:
      'Roles: staff in scope (window/approver: own department; proxy: own cases; guide: own center), supervisor, auditor. Applicant masked unless auditor (I1).',
  })
  @ApiCaseNowResponse()
  async get(
    @Param('id', IdParamPipe) caseId: string,
    @Query('minPosition') minPosition: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CaseView> {
    checkMinPosition(minPosition);
    return caseNowFromEvents(this.queries, caseId, actor, response);
  }
}
