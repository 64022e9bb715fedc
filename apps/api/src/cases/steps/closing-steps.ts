/**
 * The case-step table, from the decision on (N6, T12, T13, P1–P5, C4, C5, A3): one row a step.
 */
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import { CompleteCaseDto } from '../dto/complete-case.dto.js';
import { ConcludeComplaintDto } from '../dto/conclude-complaint.dto.js';
import { ExplainCardDto } from '../dto/explain-card.dto.js';
import { FileComplaintDto } from '../dto/file-complaint.dto.js';
import { RecordAccountabilityActionDto } from '../dto/record-accountability-action.dto.js';
import { RectifyEvaluationDto } from '../dto/rectify-evaluation.dto.js';
import { RevokeCardDto } from '../dto/revoke-card.dto.js';
import { DeliverDecisionDto, PreliminaryReviewDto } from '../dto/statutory-steps.dto.js';
import { SubmitEvaluationDto } from '../dto/submit-evaluation.dto.js';
import { WithdrawCaseDto } from '../dto/withdraw-case.dto.js';
import { caseStep } from './case-step.js';

const REVOKED = 'C4_CARD_ALREADY_REVOKED';

export const CLOSING_STEPS = [
  caseStep({
    command: 'CompleteCase',
    route: ':id/completion',
    dto: CompleteCaseDto,
    summary: 'Record the decision: an approval awaits delivery (T12), a denial closes the case (N6)',
    roles: 'window, approver',
    refuses: [
      ['N6_DENIAL_WITHOUT_REASONS', 'A denial gives its reasons in writing (N6, art. 38).'],
      [
        'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
        'A denial tells the applicant of the right to apply for administrative reconsideration (行政复议) and to bring an administrative suit (行政诉讼) (N6, art. 38); remediesNotice must name both.',
      ],
    ],
    // C2: onTime and overdue minutes are the domain's; N6 and T12 too.
    build: ({ body }) => ({
      type: 'CompleteCase',
      outcome: body.outcome,
      decisionNo: body.decisionNo,
      ...(body.reasons !== undefined && { reasons: body.reasons }),
      ...(body.remediesNotice !== undefined && { remediesNotice: body.remediesNotice }),
    }),
  }),
  caseStep({
    command: 'WithdrawCase',
    route: ':id/withdrawal',
    dto: WithdrawCaseDto,
    summary: 'Withdraw a case',
    roles: 'window, proxy',
    build: ({ body }) => ({ type: 'WithdrawCase', reason: body.reason ?? '' }),
  }),
  caseStep({
    command: 'FileComplaint',
    route: ':id/complaints',
    dto: FileComplaintDto,
    summary: 'File a complaint about the case, a staff member or a window (P1)',
    roles: 'any staff',
    refuses: [['P1_COMPLAINT_INCOMPLETE', 'A complaint records its channel, subject and content (P1).']],
    // P1: the complaint id is new, or derived from the Idempotency-Key.
    build: ({ caseId, body, metadata }) => ({
      type: 'FileComplaint',
      complaintId: derivedEntityId(idempotencyScope(metadata), 'complaint', caseId),
      channel: body.channel ?? '',
      subject: { kind: body.subject.kind, ...(body.subject.id !== undefined && { id: body.subject.id }) },
      content: body.content ?? '',
    }),
  }),
  caseStep({
    command: 'ConcludeComplaint',
    route: ':id/complaints/:complaintId/conclusion',
    dto: ConcludeComplaintDto,
    summary: 'Conclude a complaint (P2)',
    roles: 'supervisor',
    refuses: [
      ['P2_COMPLAINT_NOT_FOUND', 'No complaint … on this case.'],
      ['P2_COMPLAINT_ALREADY_CONCLUDED', 'This complaint has already been concluded (P2).'],
    ],
    build: ({ path, body }) => ({
      type: 'ConcludeComplaint',
      complaintId: path.ref,
      substantiated: body.substantiated,
      reply: body.reply,
    }),
  }),
  caseStep({
    command: 'SubmitEvaluation',
    route: ':id/evaluations',
    dto: SubmitEvaluationDto,
    summary: "Enter the applicant's evaluation from the device or for the applicant (P4, P5)",
    roles: 'any staff (channel device or proxy; proxy is flagged PROXY_RATING)',
    refuses: [
      ['P5_CHANNEL_ALREADY_RATED', "This case already has a rating through the channel 'device' (P5)."],
      ['P4_SCORE_OUT_OF_RANGE', 'An evaluation scores 1 (非常不满意) to 5 (非常满意) (P4).'],
    ],
    build: ({ body }) => ({
      type: 'SubmitEvaluation',
      score: body.score,
      ...(body.comment !== undefined && { comment: body.comment }),
      ...(body.channel !== undefined && { channel: body.channel }),
    }),
  }),
  caseStep({
    command: 'RectifyEvaluation',
    route: ':id/evaluations/:n/rectification',
    dto: RectifyEvaluationDto,
    summary: 'Verify and rectify a bad review (P4)',
    roles: 'supervisor',
    refuses: [
      ['P4_EVALUATION_NOT_FOUND', 'No evaluation 2 on this case.'],
      ['P4_RECTIFICATION_NOT_NEEDED', 'Only bad reviews (score 1 or 2) are verified and rectified (P4).'],
      ['P4_ALREADY_RECTIFIED', 'This bad review has already been handled (P4).'],
    ],
    build: ({ path, body }) => ({
      type: 'RectifyEvaluation',
      evaluationNo: path.n,
      valid: body.valid,
      action: body.action,
    }),
  }),
  caseStep({
    command: 'ExplainCard',
    route: ':id/cards/:cardId/explanation',
    dto: ExplainCardDto,
    summary: 'Give the written explanation of a yellow or red card (C5)',
    roles: 'window, approver',
    refuses: [
      ['C4_CARD_NOT_FOUND', 'No card yellow-202603091730 on this case.'],
      ['C5_EXPLANATION_NOT_NEEDED', 'Only yellow and red cards need a written explanation (C5).'],
      ['C5_EXPLANATION_ALREADY_GIVEN', 'This card has already been explained (C5).'],
      [
        'C5_EXPLANATION_WRONG_DEPARTMENT',
        'The explanation comes from the card’s department dept-market (C5).',
      ],
      [REVOKED, 'This card has been revoked (C4).'],
    ],
    build: ({ path, body }) => ({ type: 'ExplainCard', cardId: path.ref, text: body.text }),
  }),
  caseStep({
    command: 'RevokeCard',
    route: ':id/cards/:cardId/revocation',
    dto: RevokeCardDto,
    summary: 'Revoke a card, with a reason (C4)',
    roles: 'supervisor',
    refuses: [
      ['C4_CARD_NOT_FOUND', 'No card … on this case.'],
      [REVOKED, 'This card has already been revoked (C4).'],
      ['C4_REVOCATION_REASON_REQUIRED', 'A card is revoked only with a reason (C4).'],
    ],
    build: ({ path, body }) => ({ type: 'RevokeCard', cardId: path.ref, reason: body.reason ?? '' }),
  }),
  caseStep({
    command: 'RecordAccountabilityAction',
    route: ':id/accountability-actions',
    dto: RecordAccountabilityActionDto,
    summary: 'Record an accountability action against a detected violation (A3)',
    roles: 'supervisor',
    refuses: [
      ['A3_VIOLATION_NOT_FOUND', 'No violation … was detected on this case (A1).'],
      ['A3_ACTION_INCOMPLETE', 'An accountability action records a note (A3).'],
    ],
    // A3: the violations the case's events prove (A1) are detected from the loaded stream.
    build: ({ caseId, body, metadata, loaded }) => ({
      type: 'RecordAccountabilityAction',
      actionId: derivedEntityId(idempotencyScope(metadata), 'accountability-action', caseId),
      violationId: body.violationId,
      action: body.action,
      note: body.note ?? '',
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
    refuses: [
      [
        'T12_DELIVERY_NOT_DUE',
        'Only an approval is delivered as its own step; a denial was delivered with its decision (T12).',
      ],
      ['T12_ALREADY_DELIVERED', 'This approval has already been delivered (T12).'],
    ],
    build: ({ body }) => ({
      type: 'DeliverDecision',
      channel: body.channel,
      ...(body.licenceNo !== undefined && { licenceNo: body.licenceNo }),
      ...(body.trackingNo !== undefined && { trackingNo: body.trackingNo }),
    }),
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
    refuses: [
      [
        'T13_NOT_ESCALATED',
        'Only an escalated case (上报件) is reviewed and forwarded; this matter is promised (T13).',
      ],
      ['T13_ALREADY_REVIEWED', 'This case has already been reviewed and forwarded (T13).'],
      [
        'T13_REVIEW_INCOMPLETE',
        'A preliminary review records its opinion and the authority it is forwarded to (T13).',
      ],
    ],
    build: ({ body }) => ({
      type: 'CompletePreliminaryReview',
      opinion: body.opinion ?? '',
      forwardedTo: body.forwardedTo ?? '',
    }),
  }),
];
