import type { Actor } from '../actor/actor.js';
import type { MatterKind } from '../catalog/matter.js';
import type { StatutoryStepEvent } from './step-events.js';

/**
 * Every fact of a case's life, as a discriminated union on `type`. Instants are ISO-8601 strings
 * with the +08:00 offset (T1). A change of shape means a new `schemaVersion` and an upcaster (DESIGN.md).
 */
export interface EventBase<T extends string, D, V extends number = 1> {
  readonly type: T;
  readonly schemaVersion: V;
  /** Business time of the step (U1); may be earlier than recording time, see U2. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: D;
}

export type Channel = 'window' | 'phone' | 'online';
export type ApplicantKind = 'person' | 'company';

export interface Applicant {
  readonly kind: ApplicantKind;
  readonly name: string;
  /** Personal information (I1): masked in every view but the auditors'. */
  readonly idNumber?: string;
  readonly phone?: string;
}

export interface MaterialRef {
  readonly code: string;
  readonly name?: string;
}

/** The limits a case is measured against, copied from the catalog when the application is received (T9). */
export interface MatterSnapshot {
  readonly code: string;
  readonly name: string;
  readonly departmentId: string;
  readonly kind: MatterKind;
  readonly statutoryLimitDays: number;
  readonly promisedLimitDays: number;
  readonly maxExtensionDays: number;
  /** Immediate matters only (T3); events recorded before 2026-11 carry it on every matter. */
  readonly immediateLimitMinutes?: number;
  readonly joint: boolean;
}

/** T6: the suspension types art. 45 names (听证、招标、拍卖、检验、检测、检疫、鉴定、专家评审). */
export const STATUTORY_SUSPENSION_TYPES = [
  'hearing',
  'tendering',
  'auction',
  'inspection',
  'testing',
  'quarantine',
  'appraisal',
  'expert_review',
] as const;
export type StatutorySuspensionType = (typeof STATUTORY_SUSPENSION_TYPES)[number];
/**
 * T6: a statutory type, or a local one a center allows by configuration (`localSuspensionTypes`,
 * e.g. `site_survey`, `public_notice`). Cases recorded before T6 hold `site_survey` or `public_notice`.
 */
export type SuspensionType = StatutorySuspensionType | (string & {});

export type NotificationChannel = 'sms' | 'phone' | 'written' | 'online';
export type CardLevel = 'warning' | 'yellow' | 'red';
export type StepKind =
  | 'supplement_notice'
  | 'explanation'
  | 'referral'
  | 'complaint'
  | 'rectification'
  /** T12: delivery of an approval within 10 working days of the decision. */
  | 'delivery'
  /** T13: preliminary review of an escalated case within 20 working days of acceptance. */
  | 'preliminary_review'
  /** P6: the callback of a bad review within 5 working days. */
  | 'callback';
export type AccountabilityActionKind =
  'reminder' | 'criticism' | 'warning' | 'public_criticism' | 'discipline';

/** Fields every step may carry: why a back-dated entry was entered late (U2). */
export interface LateEntry {
  readonly lateEntryReason?: string;
}

/** Deadline facts stored with the event that set them (T9). */
export interface DeadlineFacts {
  readonly deadline: string;
  readonly calendarVersion: string;
  readonly policyVersion: string;
  /** The deadline reaches into a year without a published holiday notice (T2). */
  readonly provisional: boolean;
}

export type InquiryRegistered = EventBase<
  'InquiryRegistered',
  LateEntry & {
    readonly caseId: string;
    readonly centerId: string;
    readonly channel: Channel;
    readonly applicant: Applicant;
    readonly question: string;
    readonly matterCode?: string;
    /** F1: the first staff member asked. */
    readonly firstResponder: Actor;
  }
>;

export type InquiryAnswered = EventBase<'InquiryAnswered', LateEntry & { readonly answer: string }>;

export type InquiryReferred = EventBase<
  'InquiryReferred',
  LateEntry & {
    readonly toDepartmentId: string;
    readonly toWindowId?: string;
    readonly handlerName: string;
    readonly handlerPhone: string;
    readonly note?: string;
    /** F3: when the first responder's follow-up is due. */
    readonly followUpDueAt: string;
  }
>;

export type ApplicationReceived = EventBase<
  'ApplicationReceived',
  LateEntry & {
    readonly matter: MatterSnapshot;
    readonly materials: readonly MaterialRef[];
    readonly departmentId: string;
    readonly windowId?: string;
    /** N2: the last moment a supplement notice counts as in time. */
    readonly noticeDueAt: string;
  }
>;

export interface SupplementItem {
  readonly code: string;
  readonly name: string;
  readonly problem: 'missing' | 'nonconforming';
  readonly note?: string;
}

export type SupplementRequested = EventBase<
  'SupplementRequested',
  LateEntry & {
    readonly noticeNo: string;
    /** 1 for the first notice of the case, 2 for the second … */
    readonly sequence: number;
    readonly items: readonly SupplementItem[];
    readonly onlyNewMaterials: boolean;
    /** N2: issued after the 5-working-day window; the clock then starts at receipt. */
    readonly late: boolean;
    /** N3: not the first notice of this case; always flagged for audit. */
    readonly repeated: boolean;
  }
>;

export type SupplementReceived = EventBase<
  'SupplementReceived',
  LateEntry & { readonly materials: readonly MaterialRef[] }
>;

export type ApplicationRejected = EventBase<
  'ApplicationRejected',
  LateEntry & {
    readonly noticeNo: string;
    readonly reasons: readonly string[];
    readonly competentAuthority?: string;
    readonly outsideCompetence: boolean;
  }
>;

export type ApplicationAccepted = EventBase<
  'ApplicationAccepted',
  LateEntry &
    DeadlineFacts & {
      readonly receiptNo: string;
      readonly kind: MatterKind;
      readonly limitDays?: number;
      readonly limitMinutes?: number;
      /** When the clock starts: acceptance, or receipt when the supplement notice was late or missing (N2). */
      readonly clockStartsAt: string;
      /** T13: an escalated case's preliminary review is due then (absent on cases accepted before T13). */
      readonly preliminaryReviewDueAt?: string;
    }
>;

export type CaseSuspended = EventBase<
  'CaseSuspended',
  LateEntry & {
    readonly suspensionNo: number;
    readonly suspensionType: SuspensionType;
    readonly reason: string;
    readonly applicantNotifiedAt: string;
    /** T6: the time needed, in working days, as told to the applicant (absent before T6). */
    readonly expectedDays?: number;
    /** T6: a local type the center allows, not one of art. 45; flagged for audit (LOCAL_SUSPENSION). */
    readonly local?: boolean;
  }
>;

export type CaseResumed = EventBase<
  'CaseResumed',
  LateEntry &
    DeadlineFacts & {
      readonly suspensionNo: number;
      /** T6: office minutes inside the pause, counted once. */
      readonly suspendedOfficeMinutes: number;
      readonly previousDeadline: string;
    }
>;

export type ExtensionGranted = EventBase<
  'ExtensionGranted',
  LateEntry &
    DeadlineFacts & {
      readonly days: number;
      readonly reason: string;
      readonly applicantNotifiedAt: string;
      readonly channel: NotificationChannel;
      readonly previousDeadline: string;
    }
>;

/**
 * The decision (办结决定). Version 2 (T12): an approval waits for delivery (`delivery: 'pending'`,
 * due by `deliveryDueAt`); a denial is delivered with the decision and closes the case. Version 1
 * events, recorded before T12, closed the case whatever the outcome: `upcastCaseEvent` reads them
 * as `delivery: 'with_decision'`, so they stay closed.
 */
export type CaseCompleted = EventBase<
  'CaseCompleted',
  LateEntry & {
    readonly outcome: 'approved' | 'denied';
    readonly decisionNo: string;
    readonly reasons?: readonly string[];
    /** N6: a denial's notice of the rights to reconsideration and suit (absent before N6). */
    readonly remediesNotice?: string;
    readonly deadline?: string;
    readonly onTime: boolean;
    /** Office minutes past the deadline at completion (0 when on time). */
    readonly overdueMinutes: number;
    readonly delivery: 'pending' | 'with_decision';
    /** T12: an approval is delivered by then (10 working days after the decision). */
    readonly deliveryDueAt?: string;
  },
  2
>;

export type CaseWithdrawn = EventBase<'CaseWithdrawn', LateEntry & { readonly reason: string }>;

export interface ComplaintSubject {
  readonly kind: 'case' | 'staff' | 'window';
  readonly id?: string;
}

export type ComplaintFiled = EventBase<
  'ComplaintFiled',
  LateEntry & {
    readonly complaintId: string;
    readonly channel: string;
    readonly subject: ComplaintSubject;
    readonly content: string;
    /** P2: conclusion due. */
    readonly dueAt: string;
    /** The case's center, so complaint views filter by scope (absent on complaints filed before P1's views). */
    readonly centerId?: string;
  }
>;

export type ComplaintConcluded = EventBase<
  'ComplaintConcluded',
  LateEntry & {
    readonly complaintId: string;
    readonly substantiated: boolean;
    readonly reply: string;
    readonly late: boolean;
  }
>;

export type EvaluationSubmitted = EventBase<
  'EvaluationSubmitted',
  LateEntry & {
    readonly evaluationNo: number;
    readonly score: 1 | 2 | 3 | 4 | 5;
    readonly comment?: string;
    /** P4: scores 1 and 2 are bad reviews with a rectification deadline. */
    readonly bad: boolean;
    readonly rectifyBy?: string;
    /**
     * P5: how the rating came: the applicant through a one-time invitation, the window's device, or
     * staff entering it for the applicant (`proxy`, flagged). Absent on ratings recorded before P5.
     */
    readonly channel?: EvaluationChannel;
    /** P5: the invitation the applicant used. */
    readonly invitationId?: string;
    /** P6: a bad review's callback is due then. */
    readonly callbackDueAt?: string;
  }
>;

export type EvaluationChannel = 'invitation' | 'device' | 'proxy';

export type EvaluationRectified = EventBase<
  'EvaluationRectified',
  LateEntry & {
    readonly evaluationNo: number;
    readonly valid: boolean;
    readonly action: string;
    readonly late: boolean;
  }
>;

/** C1–C3: what a card is about, and the facts it was issued from. */
export interface CardFacts {
  readonly cardId: string;
  readonly level: CardLevel;
  /** The deadline the case was measured against when the card fell due (C4: once per level per deadline). */
  readonly deadline: string;
  /** `timeliness` (C1–C3) or `explanation_overdue` (C3 second clause). */
  readonly cause: 'timeliness' | 'explanation_overdue';
  readonly departmentId?: string;
  readonly windowId?: string;
  readonly policyVersion: string;
  /** Office minutes left (negative: overdue) when the card fell due. */
  readonly remainingMinutes: number;
  /** C5: a written explanation is due by then (yellow and red only). */
  readonly explanationDueAt?: string;
}

export type WarningIssued = EventBase<'WarningIssued', CardFacts>;
export type YellowCardIssued = EventBase<'YellowCardIssued', CardFacts>;
export type RedCardIssued = EventBase<'RedCardIssued', CardFacts>;

export type StepOverdueFlagged = EventBase<
  'StepOverdueFlagged',
  {
    readonly step: StepKind;
    /** Which step: a complaint id, an evaluation number, a card id, or the case itself. */
    readonly ref: string;
    readonly dueAt: string;
    readonly policyVersion: string;
  }
>;

export type ReferralFollowUpWarningIssued = EventBase<
  'ReferralFollowUpWarningIssued',
  { readonly firstResponderId: string; readonly dueAt: string; readonly policyVersion: string }
>;

export type ExplanationSubmitted = EventBase<
  'ExplanationSubmitted',
  LateEntry & { readonly cardId: string; readonly text: string; readonly late: boolean }
>;

export type CardRevoked = EventBase<
  'CardRevoked',
  LateEntry & { readonly cardId: string; readonly reason: string }
>;

export type AccountabilityActionRecorded = EventBase<
  'AccountabilityActionRecorded',
  LateEntry & {
    readonly actionId: string;
    readonly violationId: string;
    readonly action: AccountabilityActionKind;
    readonly note: string;
  }
>;

export type PublicCriticismRecommended = EventBase<
  'PublicCriticismRecommended',
  {
    readonly departmentId: string;
    /** C6: the late completions, this case's last, that triggered the recommendation. */
    readonly lateCaseIds: readonly string[];
    readonly policyVersion: string;
  }
>;

/**
 * I2: the applicant's identifiers in this case were erased (its data key destroyed), on a legal
 * basis. `plainIdentifiersInOldEvents`: events recorded before I2 hold them in plain text, which
 * the system masks everywhere it shows them but cannot remove from the immutable store (U5).
 */
export type PersonalDataErased = EventBase<
  'PersonalDataErased',
  { readonly legalBasis: string; readonly plainIdentifiersInOldEvents: boolean }
>;

export type CaseEvent =
  | InquiryRegistered
  | InquiryAnswered
  | InquiryReferred
  | ApplicationReceived
  | SupplementRequested
  | SupplementReceived
  | ApplicationRejected
  | ApplicationAccepted
  | CaseSuspended
  | CaseResumed
  | ExtensionGranted
  | CaseCompleted
  | CaseWithdrawn
  | ComplaintFiled
  | ComplaintConcluded
  | EvaluationSubmitted
  | EvaluationRectified
  | WarningIssued
  | YellowCardIssued
  | RedCardIssued
  | StepOverdueFlagged
  | ReferralFollowUpWarningIssued
  | ExplanationSubmitted
  | CardRevoked
  | AccountabilityActionRecorded
  | PublicCriticismRecommended
  | PersonalDataErased
  | StatutoryStepEvent;

export type CaseEventType = CaseEvent['type'];

export type CaseEventOf<T extends CaseEventType> = Extract<CaseEvent, { type: T }>;

export const CARD_EVENT_TYPES = ['WarningIssued', 'YellowCardIssued', 'RedCardIssued'] as const;
