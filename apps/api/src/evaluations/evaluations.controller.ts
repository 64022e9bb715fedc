/**
 * 好差评 as 国办发〔2019〕51号 wants it (P5, P6): the applicant's one-time invitation, the callback of
 * a bad review, the department's appeal and the supervisor's decision. Rules and roles are the
 * domain's; the callback, appeal and decision are rows of the case-step table (cases/steps).
 */
import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { COMMAND_REFUSALS } from '#domain/case/command-refusals.js';
import { parseInstant } from '#domain/calendar/index.js';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { CommandCall, CurrentCall } from '../auth/current-call.decorator.js';
import type { CommandAnswer } from '../command-pipeline/command-answer.js';
import { idempotencyScope } from '../command-pipeline/command-metadata.js';
import { answerCommand } from '../command-pipeline/answer-response.js';
import { CaseStepCommand } from '../cases/commands/case-step.command.js';
import { CommandOptionsDto } from '../cases/dto/command-options.dto.js';
import { caseStep, commandOptions, fields } from '../cases/steps/case-step.js';
import { caseStepController } from '../cases/steps/case-step.controller.js';
import { catalogProblem } from '../openapi/catalog-problems.js';
import { CommandRoute } from '../openapi/command-route.decorator.js';
import { documentedProblem } from '../openapi/problem-responses.js';
import { PublicCapabilities } from '../public/public-capabilities.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import {
  EvaluationAppealDecisionDto,
  EvaluationAppealDto,
  EvaluationCallbackDto,
  InvitationAnswerSchema,
} from './dto/evaluation-steps.dto.js';

const TAG = 'evaluations (好差评)';

/** P6: the steps after a bad review, as rows of the case-step table. */
export const EVALUATION_STEPS = [
  caseStep({
    command: 'RecordEvaluationCallback',
    method: 'callback',
    route: ':id/evaluations/:n/callback',
    dto: EvaluationCallbackDto,
    summary: 'Record the callback (回访) of a bad review (P6)',
    roles: 'window, approver, supervisor',
    description: 'Due within 5 working days of the review; later is recorded late, CALLBACK_MISSING.',
    build: ({ path, body }) => ({
      type: 'RecordEvaluationCallback',
      result: '',
      ...fields(body),
      evaluationNo: path.n,
    }),
  }),
  caseStep({
    command: 'AppealEvaluation',
    method: 'appeal',
    route: ':id/evaluations/:n/appeal',
    dto: EvaluationAppealDto,
    summary: 'Appeal a bad review on behalf of the department (申诉, P6)',
    roles: 'approver of the case’s department',
    build: ({ path, body }) => ({
      type: 'AppealEvaluation',
      reason: '',
      ...fields(body),
      evaluationNo: path.n,
    }),
  }),
  caseStep({
    command: 'DecideEvaluationAppeal',
    method: 'decideAppeal',
    route: ':id/evaluations/:n/appeal/decision',
    dto: EvaluationAppealDecisionDto,
    summary: 'Uphold or reject the appeal; upheld, the review leaves the rates but not the record (P6, P7)',
    roles: 'supervisor',
    build: ({ path, body }) => ({
      type: 'DecideEvaluationAppeal',
      reason: '',
      ...fields(body),
      evaluationNo: path.n,
    }),
  }),
];

export interface InvitationAnswer extends CommandAnswer {
  readonly invitation: string;
  readonly url: string;
  readonly expiresAt: string;
}

// Its tag and the routes of the rows come from the generated base; @Controller for the constructor's types.
@Controller('cases')
export class EvaluationsController extends caseStepController(
  'EvaluationsController',
  EVALUATION_STEPS,
  TAG,
) {
  constructor(
    @Inject(CommandBus) commands: CommandBus,
    private readonly capabilities: PublicCapabilities,
  ) {
    super(commands);
  }

  @Post(':id/evaluation-invitations')
  @CommandRoute({
    summary: 'Issue the applicant a one-time invitation to rate (P5)',
    roles: 'window',
    answer: InvitationAnswerSchema,
    description: 'Once the case is decided. The token is signed, expires after 30 days and works once.',
    problems: [
      ...COMMAND_REFUSALS.IssueEvaluationInvitation.map(([code, example]) => catalogProblem(code, example)),
      documentedProblem(503, 'UNAVAILABLE', 'Public links need AUTH_JWT_SECRET.'),
    ],
  })
  async invite(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: CommandOptionsDto,
    @CurrentCall() call: CommandCall,
  ): Promise<InvitationAnswer> {
    const metadata = call.metadata('IssueEvaluationInvitation');
    const invitationId = derivedEntityId(idempotencyScope(metadata), 'invitation', caseId);
    const command = {
      type: 'IssueEvaluationInvitation' as const,
      actor: call.actor,
      ...commandOptions(body),
      invitationId,
    };
    const outcome = await this.commands.execute(
      new CaseStepCommand(caseId, call.metadata(command.type, command), () => command),
    );
    const answer = answerCommand(call.response, outcome, caseId, call.actor);
    const issued = answer.events.find((e) => e.type === 'EvaluationInvitationIssued');
    const expiresAt = (issued?.data as { expiresAt: string }).expiresAt;
    const invitation = this.capabilities.signInvitation({
      caseId,
      invitationId,
      expiresAt: parseInstant(expiresAt),
    });
    return { ...answer, invitation, url: `/public/evaluations?invitation=${invitation}`, expiresAt };
  }
}
