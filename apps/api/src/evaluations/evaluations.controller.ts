/**
 * 好差评 as 国办发〔2019〕51号 wants it (P5, P6): the applicant's one-time invitation, the callback of
 * a bad review, the department's appeal and the supervisor's decision. Rules and roles are the domain's.
 */
import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { CaseCommand } from '#domain/case/case-commands.js';
import { parseInstant } from '#domain/calendar/index.js';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { CommandAnswer } from '../command-pipeline/command-answer.js';
import { idempotencyScope, readCommandMetadata } from '../command-pipeline/command-metadata.js';
import { answerCommand, type ResponseHeaders } from '../command-pipeline/answer-response.js';
import { CaseStepCommand } from '../cases/commands/case-step.command.js';
import { commandOptions } from '../cases/commands/command-options.js';
import { CommandOptionsDto } from '../cases/dto/command-options.dto.js';
import { catalogProblem } from '../openapi/catalog-problems.js';
import { CommandRoute } from '../openapi/command-route.decorator.js';
import { documentedProblem } from '../openapi/problem-responses.js';
import { PublicCapabilities } from '../public/public-capabilities.js';
import { IdParamPipe, OrdinalParamPipe } from '../validation/route-param.pipes.js';
import {
  EvaluationAppealDecisionDto,
  EvaluationAppealDto,
  EvaluationCallbackDto,
  InvitationAnswerSchema,
} from './dto/evaluation-steps.dto.js';

type HeaderBag = Record<string, string | undefined>;
const NOT_FOUND = documentedProblem(404, 'P4_EVALUATION_NOT_FOUND', 'No evaluation 2 on this case.');
const NOT_BAD = catalogProblem(
  'P6_NOT_A_BAD_REVIEW',
  'Evaluation 1 scored 5; only bad reviews (1, 2) are called back or appealed (P6).',
);

export interface InvitationAnswer extends CommandAnswer {
  readonly invitation: string;
  readonly url: string;
  readonly expiresAt: string;
}

@ApiTags('evaluations (好差评)')
@Controller('cases')
export class EvaluationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly capabilities: PublicCapabilities,
  ) {}

  private async run(
    caseId: string,
    actor: Actor,
    headers: HeaderBag,
    response: ResponseHeaders,
    command: CaseCommand,
  ): Promise<CommandAnswer> {
    const metadata = readCommandMetadata(headers, actor, command.type, command);
    const outcome = await this.commands.execute(new CaseStepCommand(caseId, metadata, () => command));
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/evaluation-invitations')
  @CommandRoute({
    summary: 'Issue the applicant a one-time invitation to rate (P5)',
    roles: 'window',
    answer: InvitationAnswerSchema,
    description: 'Once the case is decided. The token is signed, expires after 30 days and works once.',
    problems: [
      catalogProblem(
        'P5_NOT_DECIDED_YET',
        'An invitation to rate is issued at completion, once the case is decided (P5).',
      ),
      catalogProblem(
        'P5_CHANNEL_ALREADY_RATED',
        'The applicant has already rated this case through an invitation (P5).',
      ),
      documentedProblem(503, 'UNAVAILABLE', 'Public links need AUTH_JWT_SECRET.'),
    ],
  })
  async invite(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: CommandOptionsDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<InvitationAnswer> {
    const metadata = readCommandMetadata(headers, actor, 'IssueEvaluationInvitation');
    const invitationId = derivedEntityId(idempotencyScope(metadata), 'invitation', caseId);
    const answer = await this.run(caseId, actor, headers, response, {
      type: 'IssueEvaluationInvitation',
      actor,
      ...commandOptions(body),
      invitationId,
    });
    const issued = answer.events.find((e) => e.type === 'EvaluationInvitationIssued');
    const expiresAt = (issued?.data as { expiresAt: string }).expiresAt;
    const invitation = this.capabilities.signInvitation({
      caseId,
      invitationId,
      expiresAt: parseInstant(expiresAt),
    });
    return { ...answer, invitation, url: `/public/evaluations?invitation=${invitation}`, expiresAt };
  }

  @Post(':id/evaluations/:n/callback')
  @CommandRoute({
    summary: 'Record the callback (回访) of a bad review (P6)',
    roles: 'window, approver, supervisor',
    description: 'Due within 5 working days of the review; later is recorded late, CALLBACK_MISSING.',
    problems: [
      NOT_FOUND,
      NOT_BAD,
      catalogProblem('P6_CALLBACK_ALREADY_RECORDED', 'This bad review has already been called back (P6).'),
    ],
  })
  callback(
    @Param('id', IdParamPipe) caseId: string,
    @Param('n', OrdinalParamPipe) evaluationNo: number,
    @Body() body: EvaluationCallbackDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    return this.run(caseId, actor, headers, response, {
      type: 'RecordEvaluationCallback',
      actor,
      ...commandOptions(body),
      evaluationNo,
      contactedAt: body.contactedAt,
      result: body.result ?? '',
    });
  }

  @Post(':id/evaluations/:n/appeal')
  @CommandRoute({
    summary: 'Appeal a bad review on behalf of the department (申诉, P6)',
    roles: 'approver of the case’s department',
    problems: [
      NOT_FOUND,
      NOT_BAD,
      catalogProblem(
        'P6_APPEAL_TOO_LATE',
        'A bad review is appealed within 5 working days, by 2026-03-10T17:30:00+08:00 (P6).',
      ),
      catalogProblem('P6_ALREADY_APPEALED', 'This bad review has already been appealed (P6).'),
    ],
  })
  appeal(
    @Param('id', IdParamPipe) caseId: string,
    @Param('n', OrdinalParamPipe) evaluationNo: number,
    @Body() body: EvaluationAppealDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    return this.run(caseId, actor, headers, response, {
      type: 'AppealEvaluation',
      actor,
      ...commandOptions(body),
      evaluationNo,
      reason: body.reason ?? '',
    });
  }

  @Post(':id/evaluations/:n/appeal/decision')
  @CommandRoute({
    summary: 'Uphold or reject the appeal; upheld, the review leaves the rates but not the record (P6, P7)',
    roles: 'supervisor',
    problems: [
      catalogProblem('P6_APPEAL_NOT_FOUND', 'Evaluation 1 has no appeal to decide (P6).'),
      catalogProblem('P6_APPEAL_ALREADY_DECIDED', 'This appeal has already been decided (P6).'),
    ],
  })
  decideAppeal(
    @Param('id', IdParamPipe) caseId: string,
    @Param('n', OrdinalParamPipe) evaluationNo: number,
    @Body() body: EvaluationAppealDecisionDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    return this.run(caseId, actor, headers, response, {
      type: 'DecideEvaluationAppeal',
      actor,
      ...commandOptions(body),
      evaluationNo,
      upheld: body.upheld,
      reason: body.reason ?? '',
    });
  }
}
