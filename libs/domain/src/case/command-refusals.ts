/**
 * The refusals each case command can answer beyond every command's (role, scope, state, U2), with an
 * example detail each, as its step (steps/*.ts) refuses: the API documents each route's problems
 * from this list and the catalog (status, title), so no route repeats them. A command type missing
 * here does not compile; test/api/case-step-table.spec.ts checks the deciders refuse nothing else.
 */
import type { DomainErrorCode } from '../errors/domain-error.js';
import type { CaseCommand } from './case-commands.js';

/** A code the command can refuse with and an example detail (title and status: the catalog's). */
export type CommandRefusal = readonly [code: DomainErrorCode, example: string];

const NOT_FIRST_RESPONDER = 'F1_NOT_FIRST_RESPONDER';
const REVOKED = 'C4_CARD_ALREADY_REVOKED';
const EVALUATION_NOT_FOUND: CommandRefusal = ['P4_EVALUATION_NOT_FOUND', 'No evaluation 2 on this case.'];
const NOT_BAD: CommandRefusal = [
  'P6_NOT_A_BAD_REVIEW',
  'Evaluation 1 scored 5; only bad reviews (1, 2) are called back or appealed (P6).',
];
const NOTIFIED_EARLY = 'T6_NOTIFIED_BEFORE_RECEIPT';

export const COMMAND_REFUSALS: { readonly [K in CaseCommand['type']]: readonly CommandRefusal[] } = {
  RegisterInquiry: [['CASE_ALREADY_EXISTS', 'Case … already exists.']],
  AnswerInquiry: [
    [NOT_FIRST_RESPONDER, 'Only the first responder (导办员小李) may answer this inquiry (F1).'],
  ],
  ReferInquiry: [
    [NOT_FIRST_RESPONDER, 'Only the first responder may refer this inquiry (F1).'],
    [
      'F2_REFERRAL_WITHOUT_HANDLER',
      'A referral names the receiving department, a handler and a contact phone (F2).',
    ],
    ['F2_REFERRAL_ALREADY_MADE', 'This inquiry has already been referred; follow it up (F3).'],
  ],
  SubmitApplication: [['MATTER_NOT_FOUND', 'No matter M-999 in the catalog.']],
  RequestSupplement: [
    [
      'N1_NOTICE_WITHOUT_ITEMS',
      'A supplement notice lists every missing or non-conforming material at once (N1).',
    ],
    ['N3_REPEATED_NOTICE', 'This case already had a supplement notice (N3).'],
  ],
  SubmitSupplement: [],
  RejectApplication: [
    ['N4_REJECTION_WITHOUT_REASON', 'A rejection gives written reasons (N4).'],
    [
      'N4_COMPETENT_AUTHORITY_REQUIRED',
      'A matter outside the center’s competence names the competent authority (N4).',
    ],
  ],
  AcceptApplication: [['N5_RECEIPT_NUMBER_REQUIRED', 'An acceptance records the receipt number (N5).']],
  SuspendCase: [
    [
      'T6_SUSPENSION_INCOMPLETE',
      'A suspension needs a type, a reason, the time needed as told to the applicant (expectedDays) and when the applicant was told in writing (T6).',
    ],
    [
      'T6_SUSPENSION_TYPE_NOT_ALLOWED',
      "'site_survey' is neither a type of art. 45 nor a local type this center allows (T6).",
    ],
    [NOTIFIED_EARLY, 'The applicant cannot have been told before the application was received (T6).'],
  ],
  ResumeCase: [['T6_SUSPENSION_NOT_FOUND', 'The open suspension is number 1, not 2.']],
  GrantExtension: [
    ['T7_SECOND_EXTENSION', 'A case may be extended at most once (T7).'],
    ['T7_EXTENSION_AFTER_DEADLINE', 'An extension must be granted before the deadline has passed (T7).'],
    ['T7_EXTENSION_TOO_LONG', 'The matter allows at most 10 working days of extension; 12 asked (T7).'],
    [
      'T7_EXTENSION_INCOMPLETE',
      'An extension records its reason and when and how the applicant was told (T7).',
    ],
    ['T7_NOT_EXTENDABLE', 'An immediate case cannot be extended (T3, T7).'],
    [NOTIFIED_EARLY, 'The applicant cannot have been told before the application was received (T7).'],
  ],
  CompleteCase: [
    ['N6_DENIAL_WITHOUT_REASONS', 'A denial gives its reasons in writing (N6, art. 38).'],
    [
      'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
      'A denial tells the applicant of the right to apply for administrative reconsideration (行政复议) and to bring an administrative suit (行政诉讼) (N6, art. 38); remediesNotice must name both.',
    ],
  ],
  DeliverDecision: [
    [
      'T12_DELIVERY_NOT_DUE',
      'Only an approval is delivered as its own step; a denial was delivered with its decision (T12).',
    ],
    ['T12_ALREADY_DELIVERED', 'This approval has already been delivered (T12).'],
  ],
  CompletePreliminaryReview: [
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
  WithdrawCase: [],
  FileComplaint: [['P1_COMPLAINT_INCOMPLETE', 'A complaint records its channel, subject and content (P1).']],
  ConcludeComplaint: [
    ['P2_COMPLAINT_NOT_FOUND', 'No complaint … on this case.'],
    ['P2_COMPLAINT_ALREADY_CONCLUDED', 'This complaint has already been concluded (P2).'],
  ],
  SubmitEvaluation: [
    ['P5_CHANNEL_ALREADY_RATED', "This case already has a rating through the channel 'device' (P5)."],
    ['P4_SCORE_OUT_OF_RANGE', 'An evaluation scores 1 (非常不满意) to 5 (非常满意) (P4).'],
  ],
  IssueEvaluationInvitation: [
    ['P5_NOT_DECIDED_YET', 'An invitation to rate is issued at completion, once the case is decided (P5).'],
    ['P5_CHANNEL_ALREADY_RATED', 'The applicant has already rated this case through an invitation (P5).'],
  ],
  RectifyEvaluation: [
    EVALUATION_NOT_FOUND,
    ['P4_RECTIFICATION_NOT_NEEDED', 'Only bad reviews (score 1 or 2) are verified and rectified (P4).'],
    ['P4_ALREADY_RECTIFIED', 'This bad review has already been handled (P4).'],
  ],
  RecordEvaluationCallback: [
    EVALUATION_NOT_FOUND,
    NOT_BAD,
    ['P6_CALLBACK_ALREADY_RECORDED', 'This bad review has already been called back (P6).'],
  ],
  AppealEvaluation: [
    EVALUATION_NOT_FOUND,
    NOT_BAD,
    [
      'P6_APPEAL_TOO_LATE',
      'A bad review is appealed within 5 working days, by 2026-03-10T17:30:00+08:00 (P6).',
    ],
    ['P6_ALREADY_APPEALED', 'This bad review has already been appealed (P6).'],
  ],
  DecideEvaluationAppeal: [
    ['P6_APPEAL_NOT_FOUND', 'Evaluation 1 has no appeal to decide (P6).'],
    ['P6_APPEAL_ALREADY_DECIDED', 'This appeal has already been decided (P6).'],
  ],
  ExplainCard: [
    ['C4_CARD_NOT_FOUND', 'No card yellow-202603091730 on this case.'],
    ['C5_EXPLANATION_NOT_NEEDED', 'Only yellow and red cards need a written explanation (C5).'],
    ['C5_EXPLANATION_ALREADY_GIVEN', 'This card has already been explained (C5).'],
    ['C5_EXPLANATION_WRONG_DEPARTMENT', 'The explanation comes from the card’s department dept-market (C5).'],
    [REVOKED, 'This card has been revoked (C4).'],
  ],
  RevokeCard: [
    ['C4_CARD_NOT_FOUND', 'No card … on this case.'],
    [REVOKED, 'This card has already been revoked (C4).'],
    ['C4_REVOCATION_REASON_REQUIRED', 'A card is revoked only with a reason (C4).'],
  ],
  RecordAccountabilityAction: [
    ['A3_VIOLATION_NOT_FOUND', 'No violation … was detected on this case (A1).'],
    ['A3_ACTION_INCOMPLETE', 'An accountability action records a note (A3).'],
  ],
  // Not HTTP steps: the projector's supervision (C1–C3, A2) refuses only as every command does.
  RunSupervisionCheck: [],
  RecommendPublicCriticism: [],
};
