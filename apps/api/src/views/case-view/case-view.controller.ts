/**
 * GET /cases/{id} from the projector's view (issue 6): `case_views` and the case's violations,
 * after waiting for `minPosition`; read scope by the domain's mayRead; ETag = revision.
 * A case the view has not caught up with yet (just registered) is answered from its events, as
 * the process without a read store answers it (API.md: a case that exists is never 404).
 */
import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { mayRead } from '#domain/case/may-read.js';
import type { StoredAccountabilityCaseDocument } from '#infra/read-store/documents/accountability-documents.js';
import {
  decodeCaseView,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ApiCaseNowResponse, caseNowFromEvents, withRevisionETag } from '../../cases/queries/case-now.js';
import type { CaseView } from '../../cases/queries/case-view.js';
import type { ResponseHeaders } from '../../command-pipeline/answer-response.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../../openapi/problem-responses.js';
import { problemOfDomainError } from '../../problem/domain-error.problem.js';
import { ProblemException } from '../../problem/problem-details.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { VIEW_PROBLEMS } from '../view-problems.js';
import { optionalPosition } from '../view-query-parameters.js';
import { caseViewAt } from './case-view-at.js';
import { applicantForAuditor } from '../../audit/erasure/applicant-for-auditor.js';
import { VIEWS_DEPENDENCIES, type ViewsDependencies } from '../views-dependencies.js';

/** The projections GET /cases/{id} reads (their checkpoints must reach `minPosition`). */
export const CASE_VIEW_PROJECTIONS = ['case-views', 'accountability'] as const;

@ApiTags('views')
@ApiBearerAuth()
@Controller('cases')
export class CaseViewController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly queries: QueryBus,
    @Inject(VIEWS_DEPENDENCIES) private readonly deps: ViewsDependencies,
  ) {}

  @Get(':id')
  @ApiOperation({
    summary: 'The case now, from the projector’s view',
    description:
      'Roles: staff in scope (window/approver: own department; proxy: own cases; guide: own center; first responder), supervisor, auditor. ' +
      'Applicant masked unless auditor (I1). The level is assessed at the moment of the query. ' +
      'A case registered so recently that the view has not caught up is answered from its events (never 404). ' +
      'With `minPosition` (a command’s answer) it waits up to 5 s for the projector, then 504 PROJECTION_LAG.',
  })
  @ApiQuery({
    name: 'minPosition',
    required: false,
    description: 'Wait until the view has applied this position (a command’s `position`)',
    example: '00000000000000000750:00000000000000000012',
  })
  @ApiCaseNowResponse()
  @ApiProblems(COMMON_PROBLEMS, VIEW_PROBLEMS, [
    documentedProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'),
  ])
  async get(
    @Param('id', IdParamPipe) caseId: string,
    @Query('minPosition') minPosition: unknown,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CaseView> {
    const db = this.positions.db();
    // Through a causally consistent session when waiting for minPosition (read-model-positions.ts).
    const [stored, accountability] = await this.positions.readCaughtUp(
      optionalPosition(minPosition),
      CASE_VIEW_PROJECTIONS,
      (session) =>
        Promise.all([
          db
            .collection<StoredCaseViewDocument>(READ_MODELS.caseViews)
            .findOne({ _id: caseId }, session ? { session } : {}),
          db
            .collection<StoredAccountabilityCaseDocument>(READ_MODELS.accountabilityCases)
            .findOne({ _id: caseId }, { projection: { violations: 1 }, ...(session && { session }) }),
        ]),
    );
    if (!stored) {
      // Not in the view yet: the events decide (404 CASE_NOT_FOUND only when it has none).
      return caseNowFromEvents(this.queries, caseId, actor, response);
    }
    const doc = decodeCaseView(stored);
    const refused = mayRead(actor, doc.state, 'view');
    if (refused) throw new ProblemException(problemOfDomainError(refused));
    const configuration = await this.positions.configuration('case-views');
    const view = caseViewAt(
      doc,
      accountability?.violations ?? [],
      actor,
      configuration.policy,
      configuration.officeClock(doc.centerId),
      this.positions.now(),
    );
    withRevisionETag(response, view);
    // I2: the read model holds masked identifiers only; an auditor's come from the events.
    if (actor.role === 'auditor')
      return { ...view, applicant: await applicantForAuditor(this.deps.store, caseId, view.applicant) };
    return view;
  }
}
