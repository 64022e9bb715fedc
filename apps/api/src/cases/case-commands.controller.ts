/**
 * The case commands of API.md "Case commands": each route validates the body's shape, reads the
 * headers and hands a command to the CommandBus. Roles, scope and every rule are decided by the
 * domain (decide.ts, authorize.ts), never here.
 */
import { Body, Controller, Headers, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { CommandAnswer } from '../command-pipeline/command-answer.js';
import { readCommandMetadata } from '../command-pipeline/command-metadata.js';
import { answerCommand, type ResponseHeaders } from '../command-pipeline/answer-response.js';
import { CommandRoute } from '../openapi/command-route.decorator.js';
import { documentedProblem } from '../openapi/problem-responses.js';
import { catalogProblem } from '../openapi/catalog-problems.js';
import { IdParamPipe, OrdinalParamPipe } from '../validation/route-param.pipes.js';
import { CASE_STREAM_PREFIX } from '#infra/case-stream/case-stream.js';
import { RegisterInquiryCommand } from './commands/register-inquiry.command.js';
import { RegisterInquiryDto } from './dto/register-inquiry.dto.js';
import { AnswerInquiryCommand } from './commands/answer-inquiry.command.js';
import { AnswerInquiryDto } from './dto/answer-inquiry.dto.js';
import { ReferInquiryCommand } from './commands/refer-inquiry.command.js';
import { ReferInquiryDto } from './dto/refer-inquiry.dto.js';
import { SubmitApplicationCommand } from './commands/submit-application.command.js';
import { SubmitApplicationDto } from './dto/submit-application.dto.js';
import { RequestSupplementCommand } from './commands/request-supplement.command.js';
import { RequestSupplementDto } from './dto/request-supplement.dto.js';
import { SubmitSupplementCommand } from './commands/submit-supplement.command.js';
import { SubmitSupplementDto } from './dto/submit-supplement.dto.js';
import { RejectApplicationCommand } from './commands/reject-application.command.js';
import { RejectApplicationDto } from './dto/reject-application.dto.js';
import { AcceptApplicationCommand } from './commands/accept-application.command.js';
import { AcceptApplicationDto } from './dto/accept-application.dto.js';
import { SuspendCaseCommand } from './commands/suspend-case.command.js';
import { SuspendCaseDto } from './dto/suspend-case.dto.js';
import { ResumeCaseCommand } from './commands/resume-case.command.js';
import { ResumeCaseDto } from './dto/resume-case.dto.js';
import { GrantExtensionCommand } from './commands/grant-extension.command.js';
import { GrantExtensionDto } from './dto/grant-extension.dto.js';
import { CompleteCaseCommand } from './commands/complete-case.command.js';
import { CompleteCaseDto } from './dto/complete-case.dto.js';
import { WithdrawCaseCommand } from './commands/withdraw-case.command.js';
import { WithdrawCaseDto } from './dto/withdraw-case.dto.js';
import { FileComplaintCommand } from './commands/file-complaint.command.js';
import { FileComplaintDto } from './dto/file-complaint.dto.js';
import { ConcludeComplaintCommand } from './commands/conclude-complaint.command.js';
import { ConcludeComplaintDto } from './dto/conclude-complaint.dto.js';
import { SubmitEvaluationCommand } from './commands/submit-evaluation.command.js';
import { SubmitEvaluationDto } from './dto/submit-evaluation.dto.js';
import { RectifyEvaluationCommand } from './commands/rectify-evaluation.command.js';
import { RectifyEvaluationDto } from './dto/rectify-evaluation.dto.js';
import { ExplainCardCommand } from './commands/explain-card.command.js';
import { ExplainCardDto } from './dto/explain-card.dto.js';
import { RevokeCardCommand } from './commands/revoke-card.command.js';
import { RevokeCardDto } from './dto/revoke-card.dto.js';
import { RecordAccountabilityActionCommand } from './commands/record-accountability-action.command.js';
import { RecordAccountabilityActionDto } from './dto/record-accountability-action.dto.js';

@ApiTags('case commands')
@Controller('cases')
export class CaseCommandsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('inquiries')
  @CommandRoute({
    summary: 'Register an inquiry (creates the case; F1)',
    roles: 'guide, window, proxy',
    problems: [documentedProblem(409, 'CASE_ALREADY_EXISTS', '办件已存在', 'Case … already exists.')],
  })
  async registerInquiry(
    @Body() body: RegisterInquiryDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new RegisterInquiryCommand(body, readCommandMetadata(headers, actor, 'RegisterInquiry', body)),
    );
    return answerCommand(response, outcome, outcome.streamId.slice(CASE_STREAM_PREFIX.length), actor);
  }

  @Post(':id/answer')
  @CommandRoute({
    summary: 'Answer an inquiry',
    roles: 'the first responder (F1), or the department it was referred to',
    problems: [
      documentedProblem(
        403,
        'F1_NOT_FIRST_RESPONDER',
        '仅首问责任人可办理',
        'Only the first responder (导办员小李) may answer this inquiry (F1).',
      ),
    ],
  })
  async answerInquiry(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: AnswerInquiryDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new AnswerInquiryCommand(caseId, body, readCommandMetadata(headers, actor, 'AnswerInquiry', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/referral')
  @CommandRoute({
    summary: 'Refer an inquiry to a named handler (F2)',
    roles: 'the first responder (F1)',
    problems: [
      documentedProblem(
        403,
        'F1_NOT_FIRST_RESPONDER',
        '仅首问责任人可办理',
        'Only the first responder may refer this inquiry (F1).',
      ),
      documentedProblem(
        422,
        'F2_REFERRAL_WITHOUT_HANDLER',
        '转办须写明承办人及联系电话',
        'A referral names the receiving department, a handler and a contact phone (F2).',
      ),
      documentedProblem(
        422,
        'F2_REFERRAL_ALREADY_MADE',
        '已转办',
        'This inquiry has already been referred; follow it up (F3).',
      ),
    ],
  })
  async referInquiry(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: ReferInquiryDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new ReferInquiryCommand(caseId, body, readCommandMetadata(headers, actor, 'ReferInquiry', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/application')
  @CommandRoute({
    summary: 'Submit an application for a catalogued matter',
    roles: 'window, proxy',
    problems: [documentedProblem(422, 'MATTER_NOT_FOUND', '事项不存在', 'No matter M-999 in the catalog.')],
  })
  async submitApplication(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: SubmitApplicationDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new SubmitApplicationCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'SubmitApplication', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/supplement-notices')
  @CommandRoute({
    summary: 'Issue the one-time supplement notice (N1–N3)',
    roles: 'window',
    problems: [
      documentedProblem(
        422,
        'N1_NOTICE_WITHOUT_ITEMS',
        '一次性告知须列明全部补正材料',
        'A supplement notice lists every missing or non-conforming material at once (N1).',
      ),
      documentedProblem(
        422,
        'N3_REPEATED_NOTICE',
        '违反一次性告知',
        'This case already had a supplement notice (N3).',
      ),
    ],
  })
  async requestSupplement(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: RequestSupplementDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new RequestSupplementCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'RequestSupplement', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/supplement')
  @CommandRoute({ summary: 'Hand in the supplemented materials', roles: 'window, proxy', problems: [] })
  async submitSupplement(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: SubmitSupplementDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new SubmitSupplementCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'SubmitSupplement', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/rejection')
  @CommandRoute({
    summary: 'Reject an application in writing (N4)',
    roles: 'window',
    problems: [
      documentedProblem(
        422,
        'N4_REJECTION_WITHOUT_REASON',
        '不予受理须书面说明理由',
        'A rejection gives written reasons (N4).',
      ),
      documentedProblem(
        422,
        'N4_COMPETENT_AUTHORITY_REQUIRED',
        '须告知有权受理的机关',
        'A matter outside the center’s competence names the competent authority (N4).',
      ),
    ],
  })
  async rejectApplication(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: RejectApplicationDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new RejectApplicationCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'RejectApplication', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/acceptance')
  @CommandRoute({
    summary:
      "Accept an application; the answer's event carries deadline, limitDays or limitMinutes, calendarVersion, provisional (N5, T3–T5, T9)",
    roles: 'window',
    problems: [
      documentedProblem(
        422,
        'N5_RECEIPT_NUMBER_REQUIRED',
        '受理须出具受理回执编号',
        'An acceptance records the receipt number (N5).',
      ),
    ],
  })
  async acceptApplication(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: AcceptApplicationDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new AcceptApplicationCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'AcceptApplication', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/suspensions')
  @CommandRoute({
    summary: 'Suspend the clock for a special procedure (T6)',
    roles: 'window',
    problems: [
      documentedProblem(
        422,
        'T6_SUSPENSION_INCOMPLETE',
        '特殊环节须写明类型、理由、所需时间及书面告知时间',
        'A suspension needs a type, a reason, the time needed as told to the applicant (expectedDays) and when the applicant was told in writing (T6).',
      ),
      catalogProblem(
        'T6_SUSPENSION_TYPE_NOT_ALLOWED',
        "'site_survey' is neither a type of art. 45 nor a local type this center allows (T6).",
      ),
    ],
  })
  async suspendCase(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: SuspendCaseDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new SuspendCaseCommand(caseId, body, readCommandMetadata(headers, actor, 'SuspendCase', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/suspensions/:n/resumption')
  @CommandRoute({
    summary: 'Resume after suspension n (T6)',
    roles: 'window',
    problems: [
      documentedProblem(
        422,
        'T6_SUSPENSION_NOT_FOUND',
        '特殊环节不存在',
        'The open suspension is number 1, not 2.',
      ),
    ],
  })
  async resumeCase(
    @Param('id', IdParamPipe) caseId: string,
    @Param('n', OrdinalParamPipe) n: number,
    @Body() body: ResumeCaseDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new ResumeCaseCommand(caseId, n, body, readCommandMetadata(headers, actor, 'ResumeCase', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/extension')
  @CommandRoute({
    summary: 'Grant the one extension (T7)',
    roles: 'approver',
    problems: [
      documentedProblem(
        422,
        'T7_SECOND_EXTENSION',
        '办件只能延期一次',
        'A case may be extended at most once (T7).',
      ),
      documentedProblem(
        422,
        'T7_EXTENSION_AFTER_DEADLINE',
        '已超过办理时限，不得延期',
        'An extension must be granted before the deadline has passed (T7).',
      ),
      documentedProblem(
        422,
        'T7_EXTENSION_TOO_LONG',
        '延期天数超过上限',
        'The matter allows at most 10 working days of extension; 12 asked (T7).',
      ),
      documentedProblem(
        422,
        'T7_EXTENSION_INCOMPLETE',
        '延期须说明理由并告知申请人',
        'An extension records its reason and when and how the applicant was told (T7).',
      ),
      documentedProblem(
        422,
        'T7_NOT_EXTENDABLE',
        '即办件不得延期',
        'An immediate case cannot be extended (T3, T7).',
      ),
    ],
  })
  async grantExtension(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: GrantExtensionDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new GrantExtensionCommand(caseId, body, readCommandMetadata(headers, actor, 'GrantExtension', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/completion')
  @CommandRoute({
    summary: 'Record the decision: an approval awaits delivery (T12), a denial closes the case (N6)',
    roles: 'window, approver',
    problems: [
      catalogProblem('N6_DENIAL_WITHOUT_REASONS', 'A denial gives its reasons in writing (N6, art. 38).'),
      catalogProblem(
        'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
        'A denial tells the applicant of the right to apply for administrative reconsideration (行政复议) and to bring an administrative suit (行政诉讼) (N6, art. 38); remediesNotice must name both.',
      ),
    ],
  })
  async completeCase(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: CompleteCaseDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new CompleteCaseCommand(caseId, body, readCommandMetadata(headers, actor, 'CompleteCase', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/withdrawal')
  @CommandRoute({ summary: 'Withdraw a case', roles: 'window, proxy', problems: [] })
  async withdrawCase(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: WithdrawCaseDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new WithdrawCaseCommand(caseId, body, readCommandMetadata(headers, actor, 'WithdrawCase', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/complaints')
  @CommandRoute({
    summary: 'File a complaint about the case, a staff member or a window (P1)',
    roles: 'any staff',
    problems: [
      documentedProblem(
        422,
        'P1_COMPLAINT_INCOMPLETE',
        '投诉须写明渠道、对象和内容',
        'A complaint records its channel, subject and content (P1).',
      ),
    ],
  })
  async fileComplaint(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: FileComplaintDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new FileComplaintCommand(caseId, body, readCommandMetadata(headers, actor, 'FileComplaint', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/complaints/:complaintId/conclusion')
  @CommandRoute({
    summary: 'Conclude a complaint (P2)',
    roles: 'supervisor',
    problems: [
      documentedProblem(404, 'P2_COMPLAINT_NOT_FOUND', '投诉不存在', 'No complaint … on this case.'),
      documentedProblem(
        422,
        'P2_COMPLAINT_ALREADY_CONCLUDED',
        '投诉已办结',
        'This complaint has already been concluded (P2).',
      ),
    ],
  })
  async concludeComplaint(
    @Param('id', IdParamPipe) caseId: string,
    @Param('complaintId', IdParamPipe) complaintId: string,
    @Body() body: ConcludeComplaintDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new ConcludeComplaintCommand(
        caseId,
        complaintId,
        body,
        readCommandMetadata(headers, actor, 'ConcludeComplaint', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/evaluations')
  @CommandRoute({
    summary: "Enter the applicant's evaluation from the device or for the applicant (P4, P5)",
    roles: 'any staff (channel device or proxy; proxy is flagged PROXY_RATING)',
    problems: [
      catalogProblem(
        'P5_CHANNEL_ALREADY_RATED',
        "This case already has a rating through the channel 'device' (P5).",
      ),
      documentedProblem(
        422,
        'P4_SCORE_OUT_OF_RANGE',
        '评价分值须为1至5',
        'An evaluation scores 1 (非常不满意) to 5 (非常满意) (P4).',
      ),
    ],
  })
  async submitEvaluation(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: SubmitEvaluationDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new SubmitEvaluationCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'SubmitEvaluation', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/evaluations/:n/rectification')
  @CommandRoute({
    summary: 'Verify and rectify a bad review (P4)',
    roles: 'supervisor',
    problems: [
      documentedProblem(404, 'P4_EVALUATION_NOT_FOUND', '评价不存在', 'No evaluation 2 on this case.'),
      documentedProblem(
        422,
        'P4_RECTIFICATION_NOT_NEEDED',
        '非差评无需整改',
        'Only bad reviews (score 1 or 2) are verified and rectified (P4).',
      ),
      documentedProblem(
        422,
        'P4_ALREADY_RECTIFIED',
        '差评已整改',
        'This bad review has already been handled (P4).',
      ),
    ],
  })
  async rectifyEvaluation(
    @Param('id', IdParamPipe) caseId: string,
    @Param('n', OrdinalParamPipe) n: number,
    @Body() body: RectifyEvaluationDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new RectifyEvaluationCommand(
        caseId,
        n,
        body,
        readCommandMetadata(headers, actor, 'RectifyEvaluation', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/cards/:cardId/explanation')
  @CommandRoute({
    summary: 'Give the written explanation of a yellow or red card (C5)',
    roles: 'window, approver',
    problems: [
      documentedProblem(404, 'C4_CARD_NOT_FOUND', '牌警不存在', 'No card yellow-202603091730 on this case.'),
      documentedProblem(
        422,
        'C5_EXPLANATION_NOT_NEEDED',
        '预警无需书面说明',
        'Only yellow and red cards need a written explanation (C5).',
      ),
      documentedProblem(
        422,
        'C5_EXPLANATION_ALREADY_GIVEN',
        '已提交书面说明',
        'This card has already been explained (C5).',
      ),
      documentedProblem(
        422,
        'C5_EXPLANATION_WRONG_DEPARTMENT',
        '须由被亮牌部门作出说明',
        'The explanation comes from the card’s department dept-market (C5).',
      ),
      documentedProblem(422, 'C4_CARD_ALREADY_REVOKED', '该牌已撤销', 'This card has been revoked (C4).'),
    ],
  })
  async explainCard(
    @Param('id', IdParamPipe) caseId: string,
    @Param('cardId', IdParamPipe) cardId: string,
    @Body() body: ExplainCardDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new ExplainCardCommand(caseId, cardId, body, readCommandMetadata(headers, actor, 'ExplainCard', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/cards/:cardId/revocation')
  @CommandRoute({
    summary: 'Revoke a card, with a reason (C4)',
    roles: 'supervisor',
    problems: [
      documentedProblem(404, 'C4_CARD_NOT_FOUND', '牌警不存在', 'No card … on this case.'),
      documentedProblem(
        422,
        'C4_CARD_ALREADY_REVOKED',
        '该牌已撤销',
        'This card has already been revoked (C4).',
      ),
      documentedProblem(
        422,
        'C4_REVOCATION_REASON_REQUIRED',
        '撤销须说明理由',
        'A card is revoked only with a reason (C4).',
      ),
    ],
  })
  async revokeCard(
    @Param('id', IdParamPipe) caseId: string,
    @Param('cardId', IdParamPipe) cardId: string,
    @Body() body: RevokeCardDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new RevokeCardCommand(caseId, cardId, body, readCommandMetadata(headers, actor, 'RevokeCard', body)),
    );
    return answerCommand(response, outcome, caseId, actor);
  }

  @Post(':id/accountability-actions')
  @CommandRoute({
    summary: 'Record an accountability action against a detected violation (A3)',
    roles: 'supervisor',
    problems: [
      documentedProblem(
        404,
        'A3_VIOLATION_NOT_FOUND',
        '违规记录不存在',
        'No violation … was detected on this case (A1).',
      ),
      documentedProblem(
        422,
        'A3_ACTION_INCOMPLETE',
        '须写明追责说明',
        'An accountability action records a note (A3).',
      ),
    ],
  })
  async recordAccountabilityAction(
    @Param('id', IdParamPipe) caseId: string,
    @Body() body: RecordAccountabilityActionDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<CommandAnswer> {
    const outcome = await this.commands.execute(
      new RecordAccountabilityActionCommand(
        caseId,
        body,
        readCommandMetadata(headers, actor, 'RecordAccountabilityAction', body),
      ),
    );
    return answerCommand(response, outcome, caseId, actor);
  }
}
