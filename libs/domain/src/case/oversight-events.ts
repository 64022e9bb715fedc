/**
 * Events of what oversees a case: complaints (P1, P2), evaluations (P4), cards and flags (C1–C5,
 * T10, F3), accountability (A3), public criticism (C6) and erasure (I2). Kept beside case-events.ts
 * so that file stays readable; they are part of `CaseEvent` and exported with it.
 */
import type { AccountabilityActionKind, CardLevel, EventBase, LateEntry, StepKind } from './case-events.js';

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
