/**
 * The case-step table, from the decision on (N6, T12, T13, P1–P5, C4, C5, A3): one row a step.
 */
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import {
  CompleteCaseDto,
  ConcludeComplaintDto,
  DeliverDecisionDto,
  ExplainCardDto,
  FileComplaintDto,
  PreliminaryReviewDto,
  RecordAccountabilityActionDto,
  RectifyEvaluationDto,
  RevokeCardDto,
  SubmitEvaluationDto,
  WithdrawCaseDto,
} from '../dto/closing-steps.dto.js';
import { defined } from '../../support/defined.js';
import { caseStep, fields } from './case-step.js';

export const CLOSING_STEPS = [
  caseStep({
    command: 'CompleteCase',
    route: ':id/completion',
    dto: CompleteCaseDto,
    summary: 'Record the decision: an approval awaits delivery (T12), a denial closes the case (N6)',
    roles: 'window, approver',
    // C2: onTime and overdue minutes are the domain's; N6 and T12 too.
    build: ({ body }) => ({ type: 'CompleteCase', ...fields(body) }),
  }),
  caseStep({
    command: 'WithdrawCase',
    route: ':id/withdrawal',
    dto: WithdrawCaseDto,
    summary: 'Withdraw a case',
    roles: 'window, proxy',
    build: ({ body }) => ({ type: 'WithdrawCase', reason: '', ...fields(body) }),
  }),
  caseStep({
    command: 'FileComplaint',
    route: ':id/complaints',
    dto: FileComplaintDto,
    summary: 'File a complaint about the case, a staff member or a window (P1)',
    roles: 'any staff',
    // P1: the complaint id is new, or derived from the Idempotency-Key.
    build: ({ caseId, body, metadata }) => ({
      type: 'FileComplaint',
      channel: '',
      content: '',
      ...fields(body),
      subject: defined(body.subject),
      complaintId: derivedEntityId(idempotencyScope(metadata), 'complaint', caseId),
    }),
  }),
  caseStep({
    command: 'ConcludeComplaint',
    route: ':id/complaints/:complaintId/conclusion',
    dto: ConcludeComplaintDto,
    summary: 'Conclude a complaint (P2)',
    roles: 'supervisor',
    build: ({ path, body }) => ({ type: 'ConcludeComplaint', ...fields(body), complaintId: path.ref }),
  }),
  caseStep({
    command: 'SubmitEvaluation',
    route: ':id/evaluations',
    dto: SubmitEvaluationDto,
    summary: "Enter the applicant's evaluation from the device or for the applicant (P4, P5)",
    roles: 'any staff (channel device or proxy; proxy is flagged PROXY_RATING)',
    build: ({ body }) => ({ type: 'SubmitEvaluation', ...fields(body) }),
  }),
  caseStep({
    command: 'RectifyEvaluation',
    route: ':id/evaluations/:n/rectification',
    dto: RectifyEvaluationDto,
    summary: 'Verify and rectify a bad review (P4)',
    roles: 'supervisor',
    build: ({ path, body }) => ({ type: 'RectifyEvaluation', ...fields(body), evaluationNo: path.n }),
  }),
  caseStep({
    command: 'ExplainCard',
    route: ':id/cards/:cardId/explanation',
    dto: ExplainCardDto,
    summary: 'Give the written explanation of a yellow or red card (C5)',
    roles: 'window, approver',
    build: ({ path, body }) => ({ type: 'ExplainCard', ...fields(body), cardId: path.ref }),
  }),
  caseStep({
    command: 'RevokeCard',
    route: ':id/cards/:cardId/revocation',
    dto: RevokeCardDto,
    summary: 'Revoke a card, with a reason (C4)',
    roles: 'supervisor',
    build: ({ path, body }) => ({ type: 'RevokeCard', reason: '', ...fields(body), cardId: path.ref }),
  }),
  caseStep({
    command: 'RecordAccountabilityAction',
    route: ':id/accountability-actions',
    dto: RecordAccountabilityActionDto,
    summary: 'Record an accountability action against a detected violation (A3)',
    roles: 'supervisor',
    // A3: the violations the case's events prove (A1) are detected from the loaded stream.
    build: ({ caseId, body, metadata, loaded }) => ({
      type: 'RecordAccountabilityAction',
      note: '',
      ...fields(body),
      actionId: derivedEntityId(idempotencyScope(metadata), 'accountability-action', caseId),
      knownViolationIds: detectViolations(loaded.recorded.map(toCaseEvent)).map((v) => v.violationId),
    }),
  }),
];

/** The steps after acceptance the law gives their own limits (T12, art. 44; T13, art. 43). */
export const STATUTORY_STEPS = [
  caseStep({
    command: 'DeliverDecision',
    method: 'deliver',
    route: ':id/delivery',
    dto: DeliverDecisionDto,
    summary: 'Deliver an approval’s licence or certificate; closes the case (T12)',
    roles: 'window',
    description:
      'Due within 10 working days of the approval (art. 44); a later delivery is recorded with late: true, flagged LATE_DELIVERY.',
    build: ({ body }) => ({ type: 'DeliverDecision', ...fields(body) }),
  }),
  caseStep({
    command: 'CompletePreliminaryReview',
    method: 'preliminaryReview',
    route: ':id/preliminary-review',
    dto: PreliminaryReviewDto,
    summary: 'Record the preliminary review of an escalated case and where it was forwarded (T13)',
    roles: 'window, approver',
    description:
      'Due within 20 working days of acceptance (art. 43); a later review is recorded with late: true, flagged LATE_PRELIMINARY_REVIEW.',
    build: ({ body }) => ({
      type: 'CompletePreliminaryReview',
      opinion: '',
      forwardedTo: '',
      ...fields(body),
    }),
  }),
];
