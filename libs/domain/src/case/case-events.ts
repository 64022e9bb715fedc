import type { Actor } from '../actor/actor.js';
import type { MatterKind } from '../catalog/matter.js';
import type {
  AccountabilityActionRecorded,
  CardRevoked,
  ComplaintConcluded,
  ComplaintFiled,
  EvaluationRectified,
  EvaluationSubmitted,
  ExplanationSubmitted,
  PersonalDataErased,
  PublicCriticismRecommended,
  RedCardIssued,
  ReferralFollowUpWarningIssued,
  StepOverdueFlagged,
  WarningIssued,
  YellowCardIssued,
} from './oversight-events.js';
import type {
  CaseCompleted,
  CaseResumed,
  CaseSuspended,
  CaseWithdrawn,
  ExtensionGranted,
} from './clock-events.js';
import type { StatutoryStepEvent } from './step-events.js';

export type * from './clock-events.js';
export type * from './oversight-events.js';

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

/** F1: what the first responder registers of an inquiry, as RegisterInquiry asks it and the event records it. */
export interface InquiryFacts {
  readonly caseId: string;
  readonly centerId: string;
  readonly channel: Channel;
  readonly applicant: Applicant;
  readonly question: string;
  readonly matterCode?: string;
}

export type InquiryRegistered = EventBase<
  'InquiryRegistered',
  LateEntry &
    InquiryFacts & {
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
