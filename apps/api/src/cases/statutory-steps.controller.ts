/**
 * The steps after acceptance the law gives their own limits: delivery of an approval (T12, art. 44)
 * and the preliminary review of an escalated case (T13, art. 43). Rules and roles are the domain's.
 */
import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { CommandAnswer } from '../command-pipeline/command-answer.js';
import { readCommandMetadata } from '../command-pipeline/command-metadata.js';
import { answerCommand, type ResponseHeaders } from '../command-pipeline/answer-response.js';
import { catalogProblem } from '../openapi/catalog-problems.js';
import { CommandRoute } from '../openapi/command-route.decorator.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import { CaseStepCommand } from './commands/case-step.command.js';
import { commandOptions } from './commands/command-options.js';
import { DeliverDecisionDto, PreliminaryReviewDto } from './dto/statutory-steps.dto.js';

type HeaderBag = Record<string, string | undefined>;

@ApiTags('case commands')
@Controller('cases')
export class StatutoryStepsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/delivery')
  @CommandRoute({
    summary: 'Deliver an approval’s licence or certificate; closes the case (T12)',
    roles: 'window',
    description:
      'Due within 10 working days of the approval (art. 44); a later delivery is recorded with late: true, flagged LATE_DELIVERY.',
    problems: [
      catalogProblem(
        'T12_DELIVERY_NOT_DUE',
        'Only an approval is delivered as its own step; a denial was delivered with its decision (T12).',
      ),
      catalogProblem('T12_ALREADY_DELIVERED', 'This approval has already been delivered (T12).'),
    ],
  })
  async deliver(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: DeliverDecisionDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const metadata = readCommandMetadata(headers, actor, 'DeliverDecision', body);
    const outcome = await this.commands.execute(
      new CaseStepCommand(caseId, metadata, () => ({
        type: 'DeliverDecision',
        actor,
        ...commandOptions(body),
        channel: body.channel,
        ...(body.licenceNo !== undefined && { licenceNo: body.licenceNo }),
        ...(body.trackingNo !== undefined && { trackingNo: body.trackingNo }),
      })),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/preliminary-review')
  @CommandRoute({
    summary: 'Record the preliminary review of an escalated case and where it was forwarded (T13)',
    roles: 'window, approver',
    description:
      'Due within 20 working days of acceptance (art. 43); a later review is recorded with late: true, flagged LATE_PRELIMINARY_REVIEW.',
    problems: [
      catalogProblem(
        'T13_NOT_ESCALATED',
        'Only an escalated case (上报件) is reviewed and forwarded; this matter is promised (T13).',
      ),
      catalogProblem('T13_ALREADY_REVIEWED', 'This case has already been reviewed and forwarded (T13).'),
      catalogProblem(
        'T13_REVIEW_INCOMPLETE',
        'A preliminary review records its opinion and the authority it is forwarded to (T13).',
      ),
    ],
  })
  async preliminaryReview(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: PreliminaryReviewDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const metadata = readCommandMetadata(headers, actor, 'CompletePreliminaryReview', body);
    const outcome = await this.commands.execute(
      new CaseStepCommand(caseId, metadata, () => ({
        type: 'CompletePreliminaryReview',
        actor,
        ...commandOptions(body),
        opinion: body.opinion ?? '',
        forwardedTo: body.forwardedTo ?? '',
      })),
    );
    return answerCommand(response, outcome, caseId, actor);
  }
}
