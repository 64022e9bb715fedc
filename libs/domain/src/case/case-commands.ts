import type { Actor } from '../actor/actor.js';
import type {
  AccountabilityActionKind,
  ComplaintSubject,
  EvaluationChannel,
  InquiryFacts,
  MaterialRef,
  NotificationChannel,
  SupplementItem,
  SuspensionType,
} from './case-events.js';
import type { DeliveryChannel } from './step-events.js';

/** What every command carries: who (from the token) and, optionally, when it really happened (U2). */
interface CommandBase<T extends string> {
  readonly type: T;
  readonly actor: Actor;
  /** Business time; defaults to now. More than 10 minutes in the past needs `lateEntryReason` (U2). */
  readonly occurredAt?: string;
  readonly lateEntryReason?: string;
}

export type RegisterInquiry = CommandBase<'RegisterInquiry'> & InquiryFacts;
export type AnswerInquiry = CommandBase<'AnswerInquiry'> & { readonly answer: string };
export type ReferInquiry = CommandBase<'ReferInquiry'> & {
  readonly toDepartmentId: string;
  readonly toWindowId?: string;
  readonly handlerName: string;
  readonly handlerPhone: string;
  readonly note?: string;
};
export type SubmitApplication = CommandBase<'SubmitApplication'> & {
  readonly matterCode: string;
  readonly materials: readonly MaterialRef[];
};
export type RequestSupplement = CommandBase<'RequestSupplement'> & {
  readonly noticeNo: string;
  readonly items: readonly SupplementItem[];
  readonly onlyNewMaterials?: boolean;
};
export type SubmitSupplement = CommandBase<'SubmitSupplement'> & {
  readonly materials: readonly MaterialRef[];
};
export type RejectApplication = CommandBase<'RejectApplication'> & {
  readonly noticeNo: string;
  readonly reasons: readonly string[];
  readonly competentAuthority?: string;
  readonly outsideCompetence?: boolean;
};
export type AcceptApplication = CommandBase<'AcceptApplication'> & { readonly receiptNo: string };
export type SuspendCase = CommandBase<'SuspendCase'> & {
  readonly suspensionType: SuspensionType;
  readonly reason: string;
  readonly applicantNotifiedAt: string;
  /** T6: the time needed in working days, as told to the applicant. */
  readonly expectedDays?: number;
};
export type ResumeCase = CommandBase<'ResumeCase'> & { readonly suspensionNo: number };
export type GrantExtension = CommandBase<'GrantExtension'> & {
  readonly days: number;
  readonly reason: string;
  readonly applicantNotifiedAt: string;
  readonly channel: NotificationChannel;
};
export type CompleteCase = CommandBase<'CompleteCase'> & {
  readonly outcome: 'approved' | 'denied';
  readonly decisionNo: string;
  readonly reasons?: readonly string[];
  /** N6: a denial's notice of the rights to reconsideration (行政复议) and suit (行政诉讼). */
  readonly remediesNotice?: string;
};
/** T12: the approval's licence or certificate is delivered; closes the case. */
export type DeliverDecision = CommandBase<'DeliverDecision'> & {
  readonly channel: DeliveryChannel;
  readonly licenceNo?: string;
  readonly trackingNo?: string;
};
/** T13: an escalated case's preliminary review, forwarded to the deciding authority. */
export type CompletePreliminaryReview = CommandBase<'CompletePreliminaryReview'> & {
  readonly opinion: string;
  readonly forwardedTo: string;
};
export type WithdrawCase = CommandBase<'WithdrawCase'> & { readonly reason: string };
export type FileComplaint = CommandBase<'FileComplaint'> & {
  readonly complaintId: string;
  readonly channel: string;
  readonly subject: ComplaintSubject;
  readonly content: string;
};
export type ConcludeComplaint = CommandBase<'ConcludeComplaint'> & {
  readonly complaintId: string;
  readonly substantiated: boolean;
  readonly reply: string;
};
export type SubmitEvaluation = CommandBase<'SubmitEvaluation'> & {
  readonly score: number;
  readonly comment?: string;
  /** P5: `device` or `proxy` when staff enter it; `invitation` when the applicant uses the link. */
  readonly channel?: EvaluationChannel;
  /** P5: the invitation the applicant's token names (channel `invitation`). */
  readonly invitationId?: string;
};
/** P5: a one-time invitation for the applicant; the id is drawn by the caller (random or derived). */
export type IssueEvaluationInvitation = CommandBase<'IssueEvaluationInvitation'> & {
  readonly invitationId: string;
};
/** P6: the callback (回访) of a bad review. */
export type RecordEvaluationCallback = CommandBase<'RecordEvaluationCallback'> & {
  readonly evaluationNo: number;
  readonly contactedAt: string;
  readonly result: string;
};
/** P6: the department's appeal of a bad review (申诉). */
export type AppealEvaluation = CommandBase<'AppealEvaluation'> & {
  readonly evaluationNo: number;
  readonly reason: string;
};
/** P6: the supervisor upholds or rejects the appeal. */
export type DecideEvaluationAppeal = CommandBase<'DecideEvaluationAppeal'> & {
  readonly evaluationNo: number;
  readonly upheld: boolean;
  readonly reason: string;
};
export type RectifyEvaluation = CommandBase<'RectifyEvaluation'> & {
  readonly evaluationNo: number;
  readonly valid: boolean;
  readonly action: string;
};
export type ExplainCard = CommandBase<'ExplainCard'> & { readonly cardId: string; readonly text: string };
export type RevokeCard = CommandBase<'RevokeCard'> & { readonly cardId: string; readonly reason: string };
export type RecordAccountabilityAction = CommandBase<'RecordAccountabilityAction'> & {
  readonly actionId: string;
  readonly violationId: string;
  readonly action: AccountabilityActionKind;
  readonly note: string;
  /** The violation ids currently detected for this case (A1), supplied by the caller from the events. */
  readonly knownViolationIds: readonly string[];
};
/** The supervision process asks: is any card, step flag or follow-up warning due now? (C1–C5, T10, F3) */
export type RunSupervisionCheck = CommandBase<'RunSupervisionCheck'>;
/** C6: supervision found this department's recent late completions, this case's the last of them. */
export type RecommendPublicCriticism = CommandBase<'RecommendPublicCriticism'> & {
  readonly lateCaseIds: readonly string[];
};

export type CaseCommand =
  | RegisterInquiry
  | AnswerInquiry
  | ReferInquiry
  | SubmitApplication
  | RequestSupplement
  | SubmitSupplement
  | RejectApplication
  | AcceptApplication
  | SuspendCase
  | ResumeCase
  | GrantExtension
  | CompleteCase
  | WithdrawCase
  | FileComplaint
  | ConcludeComplaint
  | SubmitEvaluation
  | RectifyEvaluation
  | ExplainCard
  | RevokeCard
  | RecordAccountabilityAction
  | RunSupervisionCheck
  | RecommendPublicCriticism
  | DeliverDecision
  | CompletePreliminaryReview
  | IssueEvaluationInvitation
  | RecordEvaluationCallback
  | AppealEvaluation
  | DecideEvaluationAppeal;

export type CaseCommandType = CaseCommand['type'];
