/**
 * The case-step table, from the inquiry to the clock (F1, F2, N1–N5, T3–T7): one row a step.
 * Absent texts reach the domain as empty, which refuses them with the rule's code.
 */
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import { materialRef } from '../commands/material-ref.js';
import { AcceptApplicationDto } from '../dto/accept-application.dto.js';
import { AnswerInquiryDto } from '../dto/answer-inquiry.dto.js';
import { GrantExtensionDto } from '../dto/grant-extension.dto.js';
import { ReferInquiryDto } from '../dto/refer-inquiry.dto.js';
import { RegisterInquiryDto } from '../dto/register-inquiry.dto.js';
import { RejectApplicationDto } from '../dto/reject-application.dto.js';
import { RequestSupplementDto } from '../dto/request-supplement.dto.js';
import { ResumeCaseDto } from '../dto/resume-case.dto.js';
import { SubmitApplicationDto } from '../dto/submit-application.dto.js';
import { SubmitSupplementDto } from '../dto/submit-supplement.dto.js';
import { SuspendCaseDto } from '../dto/suspend-case.dto.js';
import { caseStep } from './case-step.js';

const NOT_FIRST_RESPONDER = 'F1_NOT_FIRST_RESPONDER';

export const INTAKE_STEPS = [
  caseStep({
    command: 'RegisterInquiry',
    route: 'inquiries',
    dto: RegisterInquiryDto,
    summary: 'Register an inquiry (creates the case; F1)',
    roles: 'guide, window, proxy',
    refuses: [['CASE_ALREADY_EXISTS', 'Case … already exists.']],
    // F1: the case id is new, or derived from the Idempotency-Key so a retry lands on the same stream;
    // a random id names a stream nobody has written yet: nothing to read before deciding.
    newCase: (metadata) => {
      const scope = idempotencyScope(metadata);
      return { caseId: derivedEntityId(scope, 'case', 'inquiry'), knownNew: scope === undefined };
    },
    build: ({ caseId, body }) => ({
      type: 'RegisterInquiry',
      caseId,
      centerId: body.centerId,
      channel: body.channel,
      applicant: {
        kind: body.applicant.kind,
        name: body.applicant.name,
        ...(body.applicant.idNumber !== undefined && { idNumber: body.applicant.idNumber }),
        ...(body.applicant.phone !== undefined && { phone: body.applicant.phone }),
      },
      question: body.question,
      ...(body.matterCode !== undefined && { matterCode: body.matterCode }),
    }),
  }),
  caseStep({
    command: 'AnswerInquiry',
    route: ':id/answer',
    dto: AnswerInquiryDto,
    summary: 'Answer an inquiry',
    roles: 'the first responder (F1), or the department it was referred to',
    refuses: [[NOT_FIRST_RESPONDER, 'Only the first responder (导办员小李) may answer this inquiry (F1).']],
    build: ({ body }) => ({ type: 'AnswerInquiry', answer: body.answer }),
  }),
  caseStep({
    command: 'ReferInquiry',
    route: ':id/referral',
    dto: ReferInquiryDto,
    summary: 'Refer an inquiry to a named handler (F2)',
    roles: 'the first responder (F1)',
    refuses: [
      [NOT_FIRST_RESPONDER, 'Only the first responder may refer this inquiry (F1).'],
      [
        'F2_REFERRAL_WITHOUT_HANDLER',
        'A referral names the receiving department, a handler and a contact phone (F2).',
      ],
      ['F2_REFERRAL_ALREADY_MADE', 'This inquiry has already been referred; follow it up (F3).'],
    ],
    build: ({ body }) => ({
      type: 'ReferInquiry',
      toDepartmentId: body.toDepartmentId ?? '',
      ...(body.toWindowId !== undefined && { toWindowId: body.toWindowId }),
      handlerName: body.handlerName ?? '',
      handlerPhone: body.handlerPhone ?? '',
      ...(body.note !== undefined && { note: body.note }),
    }),
  }),
  caseStep({
    command: 'SubmitApplication',
    route: ':id/application',
    dto: SubmitApplicationDto,
    summary: 'Submit an application for a catalogued matter',
    roles: 'window, proxy',
    refuses: [['MATTER_NOT_FOUND', 'No matter M-999 in the catalog.']],
    // The matter comes from the configuration cache (CaseCommandExecutor).
    build: ({ body }) => ({
      type: 'SubmitApplication',
      matterCode: body.matterCode,
      materials: body.materials.map(materialRef),
    }),
  }),
  caseStep({
    command: 'RequestSupplement',
    route: ':id/supplement-notices',
    dto: RequestSupplementDto,
    summary: 'Issue the one-time supplement notice (N1–N3)',
    roles: 'window',
    refuses: [
      [
        'N1_NOTICE_WITHOUT_ITEMS',
        'A supplement notice lists every missing or non-conforming material at once (N1).',
      ],
      ['N3_REPEATED_NOTICE', 'This case already had a supplement notice (N3).'],
    ],
    build: ({ body }) => ({
      type: 'RequestSupplement',
      noticeNo: body.noticeNo,
      items: body.items.map((i) => ({
        code: i.code,
        name: i.name,
        problem: i.problem,
        ...(i.note !== undefined && { note: i.note }),
      })),
      ...(body.onlyNewMaterials !== undefined && { onlyNewMaterials: body.onlyNewMaterials }),
    }),
  }),
  caseStep({
    command: 'SubmitSupplement',
    route: ':id/supplement',
    dto: SubmitSupplementDto,
    summary: 'Hand in the supplemented materials',
    roles: 'window, proxy',
    build: ({ body }) => ({ type: 'SubmitSupplement', materials: body.materials.map(materialRef) }),
  }),
  caseStep({
    command: 'RejectApplication',
    route: ':id/rejection',
    dto: RejectApplicationDto,
    summary: 'Reject an application in writing (N4)',
    roles: 'window',
    refuses: [
      ['N4_REJECTION_WITHOUT_REASON', 'A rejection gives written reasons (N4).'],
      [
        'N4_COMPETENT_AUTHORITY_REQUIRED',
        'A matter outside the center’s competence names the competent authority (N4).',
      ],
    ],
    build: ({ body }) => ({
      type: 'RejectApplication',
      noticeNo: body.noticeNo,
      reasons: body.reasons ?? [],
      ...(body.competentAuthority !== undefined && { competentAuthority: body.competentAuthority }),
      ...(body.outsideCompetence !== undefined && { outsideCompetence: body.outsideCompetence }),
    }),
  }),
  caseStep({
    command: 'AcceptApplication',
    route: ':id/acceptance',
    dto: AcceptApplicationDto,
    summary:
      "Accept an application; the answer's event carries deadline, limitDays or limitMinutes, calendarVersion, provisional (N5, T3–T5, T9)",
    roles: 'window',
    refuses: [['N5_RECEIPT_NUMBER_REQUIRED', 'An acceptance records the receipt number (N5).']],
    build: ({ body }) => ({ type: 'AcceptApplication', receiptNo: body.receiptNo ?? '' }),
  }),
  caseStep({
    command: 'SuspendCase',
    route: ':id/suspensions',
    dto: SuspendCaseDto,
    summary: 'Suspend the clock for a special procedure (T6)',
    roles: 'window',
    refuses: [
      [
        'T6_SUSPENSION_INCOMPLETE',
        'A suspension needs a type, a reason, the time needed as told to the applicant (expectedDays) and when the applicant was told in writing (T6).',
      ],
      [
        'T6_SUSPENSION_TYPE_NOT_ALLOWED',
        "'site_survey' is neither a type of art. 45 nor a local type this center allows (T6).",
      ],
      [
        'T6_NOTIFIED_BEFORE_RECEIPT',
        'The applicant cannot have been told before the application was received (T6).',
      ],
    ],
    build: ({ body }) => ({
      type: 'SuspendCase',
      suspensionType: body.type,
      reason: body.reason ?? '',
      applicantNotifiedAt: body.applicantNotifiedAt ?? '',
      ...(body.expectedDays !== undefined && { expectedDays: body.expectedDays }),
    }),
  }),
  caseStep({
    command: 'ResumeCase',
    route: ':id/suspensions/:n/resumption',
    dto: ResumeCaseDto,
    summary: 'Resume after suspension n (T6)',
    roles: 'window',
    refuses: [['T6_SUSPENSION_NOT_FOUND', 'The open suspension is number 1, not 2.']],
    // T6: the deadline moves by the office time suspended.
    build: ({ path }) => ({ type: 'ResumeCase', suspensionNo: path.n }),
  }),
  caseStep({
    command: 'GrantExtension',
    route: ':id/extension',
    dto: GrantExtensionDto,
    summary: 'Grant the one extension (T7)',
    roles: 'approver',
    refuses: [
      ['T7_SECOND_EXTENSION', 'A case may be extended at most once (T7).'],
      ['T7_EXTENSION_AFTER_DEADLINE', 'An extension must be granted before the deadline has passed (T7).'],
      ['T7_EXTENSION_TOO_LONG', 'The matter allows at most 10 working days of extension; 12 asked (T7).'],
      [
        'T7_EXTENSION_INCOMPLETE',
        'An extension records its reason and when and how the applicant was told (T7).',
      ],
      ['T7_NOT_EXTENDABLE', 'An immediate case cannot be extended (T3, T7).'],
      [
        'T6_NOTIFIED_BEFORE_RECEIPT',
        'The applicant cannot have been told before the application was received (T7).',
      ],
    ],
    build: ({ body }) => ({
      type: 'GrantExtension',
      days: body.days,
      reason: body.reason ?? '',
      applicantNotifiedAt: body.applicantNotifiedAt ?? '',
      channel: body.channel,
    }),
  }),
];
