/**
 * The case-step table, from the inquiry to the clock (F1, F2, N1–N5, T3–T7): one row a step.
 * Absent texts reach the domain as empty, which refuses them with the rule's code.
 */
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import {
  AcceptApplicationDto,
  AnswerInquiryDto,
  GrantExtensionDto,
  ReferInquiryDto,
  RegisterInquiryDto,
  RejectApplicationDto,
  RequestSupplementDto,
  ResumeCaseDto,
  SubmitApplicationDto,
  SubmitSupplementDto,
  SuspendCaseDto,
} from '../dto/intake-steps.dto.js';
import { defined } from '../../support/defined.js';
import { caseStep, fields } from './case-step.js';

export const INTAKE_STEPS = [
  caseStep({
    command: 'RegisterInquiry',
    route: 'inquiries',
    dto: RegisterInquiryDto,
    summary: 'Register an inquiry (creates the case; F1)',
    roles: 'guide, window, proxy',
    // F1: the case id is new, or derived from the Idempotency-Key so a retry lands on the same stream;
    // a random id names a stream nobody has written yet: nothing to read before deciding.
    newCase: (metadata) => {
      const scope = idempotencyScope(metadata);
      return { caseId: derivedEntityId(scope, 'case', 'inquiry'), knownNew: scope === undefined };
    },
    build: ({ caseId, body }) => ({
      type: 'RegisterInquiry',
      ...fields(body),
      caseId,
      applicant: defined(body.applicant),
    }),
  }),
  caseStep({
    command: 'AnswerInquiry',
    route: ':id/answer',
    dto: AnswerInquiryDto,
    summary: 'Answer an inquiry',
    roles: 'the first responder (F1), or the department it was referred to',
    build: ({ body }) => ({ type: 'AnswerInquiry', ...fields(body) }),
  }),
  caseStep({
    command: 'ReferInquiry',
    route: ':id/referral',
    dto: ReferInquiryDto,
    summary: 'Refer an inquiry to a named handler (F2)',
    roles: 'the first responder (F1)',
    build: ({ body }) => ({
      type: 'ReferInquiry',
      toDepartmentId: '',
      handlerName: '',
      handlerPhone: '',
      ...fields(body),
    }),
  }),
  caseStep({
    command: 'SubmitApplication',
    route: ':id/application',
    dto: SubmitApplicationDto,
    summary: 'Submit an application for a catalogued matter',
    roles: 'window, proxy',
    // The matter comes from the configuration cache (CaseStepHandler, case-step.command.ts).
    build: ({ body }) => ({
      type: 'SubmitApplication',
      ...fields(body),
      materials: body.materials.map(defined),
    }),
  }),
  caseStep({
    command: 'RequestSupplement',
    route: ':id/supplement-notices',
    dto: RequestSupplementDto,
    summary: 'Issue the one-time supplement notice (N1–N3)',
    roles: 'window',
    build: ({ body }) => ({ type: 'RequestSupplement', ...fields(body), items: body.items.map(defined) }),
  }),
  caseStep({
    command: 'SubmitSupplement',
    route: ':id/supplement',
    dto: SubmitSupplementDto,
    summary: 'Hand in the supplemented materials',
    roles: 'window, proxy',
    build: ({ body }) => ({ type: 'SubmitSupplement', materials: body.materials.map(defined) }),
  }),
  caseStep({
    command: 'RejectApplication',
    route: ':id/rejection',
    dto: RejectApplicationDto,
    summary: 'Reject an application in writing (N4)',
    roles: 'window',
    build: ({ body }) => ({ type: 'RejectApplication', reasons: [], ...fields(body) }),
  }),
  caseStep({
    command: 'AcceptApplication',
    route: ':id/acceptance',
    dto: AcceptApplicationDto,
    summary:
      "Accept an application; the answer's event carries deadline, limitDays or limitMinutes, calendarVersion, provisional (N5, T3–T5, T9)",
    roles: 'window',
    build: ({ body }) => ({ type: 'AcceptApplication', receiptNo: '', ...fields(body) }),
  }),
  caseStep({
    command: 'SuspendCase',
    route: ':id/suspensions',
    dto: SuspendCaseDto,
    summary: 'Suspend the clock for a special procedure (T6)',
    roles: 'window',
    // The body's `type` is the suspension's: the command's `type` is the step's.
    build: ({ body: { type, ...body } }) => ({
      reason: '',
      applicantNotifiedAt: '',
      ...fields(body),
      type: 'SuspendCase',
      suspensionType: type,
    }),
  }),
  caseStep({
    command: 'ResumeCase',
    route: ':id/suspensions/:n/resumption',
    dto: ResumeCaseDto,
    summary: 'Resume after suspension n (T6)',
    roles: 'window',
    // T6: the deadline moves by the office time suspended.
    build: ({ path }) => ({ type: 'ResumeCase', suspensionNo: path.n }),
  }),
  caseStep({
    command: 'GrantExtension',
    route: ':id/extension',
    dto: GrantExtensionDto,
    summary: 'Grant the one extension (T7)',
    roles: 'approver',
    build: ({ body }) => ({ type: 'GrantExtension', reason: '', applicantNotifiedAt: '', ...fields(body) }),
  }),
];
