/**
 * Routes without a bearer token (API.md): the invitation is the applicant's authority to rate
 * (P5), the query code the complainant's to follow a complaint (P1). Neither answer holds personal
 * data; a wrong code or a forged invitation answers 404, exactly as an unknown one.
 */
import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  Inject,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { applicantActor } from '#domain/actor/actor.js';
import { complaintStreamId } from '#domain/complaint/complaint-events.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { STEP_REFUSALS } from '#domain/errors/domain-error.js';
import { complaintStateOf } from '#infra/case-stream/complaint-stream.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { PublicRoute } from '../auth/public-route.decorator.js';
import type { CommandAnswer } from '../command-pipeline/command-answer.js';
import { readCommandMetadata } from '../command-pipeline/command-metadata.js';
import { answerCommand, type ResponseHeaders } from '../command-pipeline/answer-response.js';
import { CaseStepCommand } from '../cases/commands/case-step.command.js';
import { PublicEvaluationDto } from '../evaluations/dto/evaluation-steps.dto.js';
import { catalogProblem } from '../openapi/catalog-problems.js';
import { ApiProblems, COMMAND_PROBLEMS, documentedProblem } from '../openapi/problem-responses.js';
import { COMMAND_HEADERS } from '../openapi/command-route.decorator.js';
import { CommandAnswerSchema } from '../openapi/recorded-event.schema.js';
import { problem, ProblemException } from '../problem/problem-details.js';
import { EVENT_STORE } from '../runtime/runtime-tokens.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import { PublicCapabilities } from './public-capabilities.js';

export class PublicComplaintSchema {
  @ApiProperty({ example: 'TS-20261130-7F3K9Q2M' }) receiptNo!: string;
  @ApiProperty({ enum: ['received', 'investigating', 'concluded'], example: 'concluded' }) status!: string;
  @ApiProperty({ example: '2026-11-30T09:12:00+08:00' }) receivedAt!: string;
  @ApiProperty({ description: 'P2: the conclusion is due by then', example: '2026-12-07T17:30:00+08:00' })
  dueAt!: string;
  @ApiPropertyOptional({ example: '2026-12-03T16:00:00+08:00' }) concludedAt?: string;
  @ApiPropertyOptional({ example: '经调查属实，已对相关工作人员批评教育，感谢您的监督。' }) reply?: string;
}

const complaintNotFound = (): ProblemException =>
  new ProblemException(
    problem(
      404,
      'COMPLAINT_NOT_FOUND',
      STEP_REFUSALS.COMPLAINT_NOT_FOUND.title,
      'No complaint has this receipt number and query code.',
    ),
  );

/** Idempotency-Key, If-Match and X-Correlation-Id work here as on every command. */
const ApplyHeaders = (): MethodDecorator => applyDecorators(...COMMAND_HEADERS);

@ApiTags('public (no token)')
@Controller('public')
@PublicRoute()
export class PublicController {
  constructor(
    private readonly commands: CommandBus,
    private readonly capabilities: PublicCapabilities,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Post('evaluations')
  @ApiOperation({
    summary: 'The applicant rates through a one-time invitation (P5); no bearer token',
    description:
      'The invitation works once and until it expires; the rating is recorded with channel invitation.',
  })
  @ApiCreatedResponse({ description: 'Recorded; ETag: "<revision>"', type: CommandAnswerSchema })
  @ApiOkResponse({
    description: 'A replay of the same Idempotency-Key: the first answer',
    type: CommandAnswerSchema,
  })
  @ApplyHeaders()
  @ApiProblems([
    ...COMMAND_PROBLEMS.filter((p) => p.status !== 401 && p.status !== 403 && p.code !== 'CASE_NOT_FOUND'),
    documentedProblem(400, 'VALIDATION_FAILED', 'score must be a number.'),
    catalogProblem('P5_INVITATION_INVALID', 'This invitation was not issued for this case (P5).'),
    catalogProblem('P5_INVITATION_USED', 'This invitation has already been used; it works once (P5).'),
    catalogProblem('P5_INVITATION_EXPIRED', 'This invitation expired at 2026-04-02T10:05:00+08:00 (P5).'),
    documentedProblem(
      422,
      'P4_SCORE_OUT_OF_RANGE',
      'An evaluation scores 1 (非常不满意) to 5 (非常满意) (P4).',
    ),
  ])
  async rate(
    @Body() body: PublicEvaluationDto,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const claims = this.capabilities.verifyInvitation(body.invitation);
    if (!claims)
      throw new ProblemException(
        problem(
          404,
          'P5_INVITATION_INVALID',
          STEP_REFUSALS.P5_INVITATION_INVALID.title,
          'This invitation is not valid (P5).',
        ),
      );
    const actor = applicantActor(claims.invitationId);
    const metadata = readCommandMetadata(headers, actor, 'SubmitEvaluation', body);
    const outcome = await this.commands.execute(
      new CaseStepCommand(claims.caseId, metadata, () => ({
        type: 'SubmitEvaluation',
        actor,
        score: body.score,
        ...(body.comment !== undefined && { comment: body.comment }),
        channel: 'invitation',
        invitationId: claims.invitationId,
      })),
    );
    return answerCommand(response, outcome, claims.caseId, actor);
  }

  @Get('complaints/:receiptNo')
  @ApiOperation({
    summary: 'A complainant follows a complaint by receipt number and query code (P1); no bearer token',
    description: 'No personal data. A wrong code answers 404 exactly as an unknown receipt number.',
  })
  @ApiQuery({ name: 'code', required: true, example: 'K7Q2M9XP' })
  @ApiOkResponse({ type: PublicComplaintSchema })
  @ApiProblems([
    documentedProblem(404, 'COMPLAINT_NOT_FOUND', 'No complaint has this receipt number and query code.'),
  ])
  async complaint(
    @Param('receiptNo', IdParamPipe) receiptNo: string,
    @Query('code') code: unknown,
  ): Promise<PublicComplaintSchema> {
    if (typeof code !== 'string' || code.length === 0 || code.length > 40) throw complaintNotFound();
    const state = complaintStateOf(await this.store.readStream(complaintStreamId(receiptNo)));
    const received = state.received;
    if (!received || !this.capabilities.queryCodeMatches(code, received.queryCodeHash))
      throw complaintNotFound();
    return {
      receiptNo: received.receiptNo,
      status: state.status,
      receivedAt: toShanghaiIso(state.receivedAt!),
      dueAt: toShanghaiIso(state.dueAt!),
      ...(state.concludedAt !== undefined && { concludedAt: toShanghaiIso(state.concludedAt) }),
      ...(state.reply !== undefined && { reply: state.reply }),
    };
  }
}
