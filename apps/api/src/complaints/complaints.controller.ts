/**
 * Complaints without a case (P1, P2; API.md "Complaints without a case"): each in its own stream
 * `complaint-<id>`, whose id is the receipt number the complainant follows it by, with a query code.
 * Roles, scope and every rule are the domain's (decide-complaint.ts).
 */
import { createHash } from 'node:crypto';
import { Body, Controller, Get, Headers, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { MS_PER_DAY, toShanghaiIso } from '#domain/calendar/index.js';
import type {
  ConcludeStandaloneComplaint,
  StartComplaintInvestigation,
} from '#domain/complaint/complaint-commands.js';
import { complaintNotFound, mayReadComplaint } from '#domain/complaint/complaint-access.js';
import { complaintStreamId } from '#domain/complaint/complaint-events.js';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { CommandCall, CurrentCall } from '../auth/current-call.decorator.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { checkMinPosition, MinPosition } from '../cases/queries/min-position.js';
import type { ConfigurationAnswer } from '../command-pipeline/command-answer.js';
import {
  idempotencyScope,
  readCommandMetadata,
  type CommandMetadata,
} from '../command-pipeline/command-metadata.js';
import { answerConfiguration, type ResponseHeaders } from '../command-pipeline/answer-response.js';
import { catalogProblem } from '../openapi/catalog-problems.js';
import { CommandRoute } from '../openapi/command-route.decorator.js';
import {
  ApiProblems,
  COMMON_PROBLEMS,
  documentedProblem,
  documentedProblems,
} from '../openapi/problem-responses.js';
import { problemOfDomainError } from '../problem/domain-error.problem.js';
import { ProblemException } from '../problem/problem-details.js';
import { queryCodeHash, readable, PublicCapabilities } from '../public/public-capabilities.js';
import { CLOCK, EVENT_STORE } from '../runtime/runtime-tokens.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import { ComplaintWriter } from './complaint-writer.js';
import { complaintView, ComplaintViewSchema } from './complaint.view.js';
import {
  ComplaintAnswerSchema,
  ComplaintConclusionDto,
  ComplaintInvestigationDto,
  ReceiveComplaintDto,
} from './dto/complaint.dto.js';

type HeaderBag = Record<string, string | undefined>;
/** The steps after receipt, without their actor (the caller). */
type ComplaintStep = Omit<StartComplaintInvestigation, 'actor'> | Omit<ConcludeStandaloneComplaint, 'actor'>;
const INCOMPLETE = documentedProblem(
  422,
  'P1_COMPLAINT_INCOMPLETE',
  'A complaint records its channel, subject (with the id of a staff member, window or case) and content (P1).',
);
const NOT_FOUND = catalogProblem('COMPLAINT_NOT_FOUND', 'No complaint with this id has been received.');

@ApiTags('complaints (投诉)')
@Controller('complaints')
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintWriter,
    private readonly capabilities: PublicCapabilities,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @CommandRoute({
    summary: 'Receive a complaint, with or without a case (P1)',
    roles: 'guide, window, supervisor of the center',
    answer: ComplaintAnswerSchema,
    description:
      'Accepted at any hour; concluded within 5 working days (P2). The answer gives the receipt number and the query code to tell the complainant.',
    problems: [INCOMPLETE],
  })
  async receive(
    @Body() body: ReceiveComplaintDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: HeaderBag,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<ConfigurationAnswer & { complaintId: string; receiptNo: string; queryCode: string }> {
    const metadata = readCommandMetadata(headers, actor, 'ReceiveComplaint', body);
    const complaintId = await this.receiptNumber(metadata);
    const queryCode = this.capabilities.queryCode(complaintId);
    const s = body.subject;
    const outcome = await this.complaints.execute(complaintId, metadata, {
      type: 'ReceiveComplaint',
      actor,
      complaintId,
      centerId: body.centerId,
      channel: body.channel,
      subject: {
        kind: s.kind,
        ...(s.id !== undefined && { id: s.id }),
        ...(s.windowId !== undefined && { windowId: s.windowId }),
        ...(s.departmentId !== undefined && { departmentId: s.departmentId }),
      },
      content: body.content ?? '',
      ...(body.complainant && {
        complainant: {
          name: body.complainant.name,
          ...(body.complainant.phone !== undefined && { phone: body.complainant.phone }),
        },
      }),
      queryCodeHash: queryCodeHash(queryCode),
    });
    return {
      complaintId,
      receiptNo: complaintId,
      queryCode,
      ...answerConfiguration(response, outcome, actor),
    };
  }

  @Post(':complaintId/investigation')
  @CommandRoute({
    summary: 'Start investigating a complaint (P2)',
    roles: 'supervisor of the center',
    problems: [
      NOT_FOUND,
      catalogProblem(
        'P2_COMPLAINT_ALREADY_INVESTIGATING',
        'This complaint is already being investigated (P2).',
      ),
    ],
  })
  async investigate(
    @Param('complaintId', IdParamPipe) complaintId: string,
    @Body() body: ComplaintInvestigationDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    return this.step(complaintId, body, call, { type: 'StartComplaintInvestigation', note: body.note ?? '' });
  }

  @Post(':complaintId/conclusion')
  @CommandRoute({
    summary: 'Conclude a complaint: substantiated or not, with the reply (P2, P3)',
    roles: 'supervisor of the center',
    problems: [
      NOT_FOUND,
      ...documentedProblems(422, [
        ['P2_COMPLAINT_ALREADY_CONCLUDED', 'This complaint has already been concluded (P2).'],
      ]),
    ],
  })
  async conclude(
    @Param('complaintId', IdParamPipe) complaintId: string,
    @Body() body: ComplaintConclusionDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    return this.step(complaintId, body, call, {
      type: 'ConcludeStandaloneComplaint',
      substantiated: body.substantiated,
      reply: body.reply ?? '',
    });
  }

  @Get(':complaintId')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A complaint, its stage, deadline and history (P1, P2)',
    description: 'Roles: supervisor of the center, auditor.',
  })
  @ApiOkResponse({ type: ComplaintViewSchema })
  @ApiProblems(COMMON_PROBLEMS, [
    // R1: a complaint of another center answers as one never received (complaint-access.ts).
    NOT_FOUND,
  ])
  @MinPosition()
  async read(
    @Param('complaintId', IdParamPipe) complaintId: string,
    @Query('minPosition') minPosition: unknown,
    @CurrentActor() reader: Actor,
  ): Promise<ComplaintViewSchema> {
    checkMinPosition(minPosition);
    const recorded = await this.store.readStream(complaintStreamId(complaintId));
    const view = recorded.length === 0 ? undefined : complaintView(recorded, reader, this.clock.now());
    const refused = mayReadComplaint(reader, view?.centerId);
    if (refused || !view) throw new ProblemException(problemOfDomainError(refused ?? complaintNotFound()));
    return view;
  }

  /**
   * The receipt number is the stream's id: the day, and 8 characters random or derived from the
   * retry key. A keyed retry that comes after midnight finds its first attempt under the day before
   * (finding 5: a retry records nothing), so it replays or is refused as that key's, not recorded again.
   */
  private async receiptNumber(metadata: CommandMetadata): Promise<string> {
    const scope = idempotencyScope(metadata);
    const suffix = readable(
      createHash('sha256')
        .update(derivedEntityId(scope, 'complaint', 'standalone'))
        .digest(),
      8,
    );
    const idOn = (atMs: number): string =>
      `TS-${toShanghaiIso(atMs).slice(0, 10).replace(/-/g, '')}-${suffix}`;
    const now = this.clock.now();
    if (scope !== undefined) {
      const dayBefore = idOn(now - MS_PER_DAY);
      if ((await this.store.readStream(complaintStreamId(dayBefore))).length > 0) return dayBefore;
    }
    return idOn(now);
  }

  /** A step on a received complaint (P2, P3) by the caller; its type scopes an Idempotency-Key. */
  private step(
    complaintId: string,
    body: object,
    call: CommandCall,
    command: ComplaintStep,
  ): Promise<ConfigurationAnswer> {
    const metadata = call.metadata(command.type, body);
    return call.configured(this.complaints.execute(complaintId, metadata, { ...command, actor: call.actor }));
  }
}
