/**
 * Events of the statutory steps after a decision and of 好差评 (T12, T13, P5, P6), kept beside
 * case-events.ts so that file stays readable; they are part of `CaseEvent`.
 */
import type { EventBase, LateEntry } from './case-events.js';

export type DeliveryChannel = 'window_pickup' | 'post' | 'electronic';

/** T12: the licence or certificate of an approval reached the applicant; closes the case. */
export type DecisionDelivered = EventBase<
  'DecisionDelivered',
  LateEntry & {
    readonly channel: DeliveryChannel;
    readonly licenceNo?: string;
    readonly trackingNo?: string;
    readonly dueAt: string;
    /** After the 10 working days of art. 44: flagged, the violation LATE_DELIVERY. */
    readonly late: boolean;
  }
>;

/** T13: the accepting authority's review of an escalated case, forwarded to the deciding one. */
export type PreliminaryReviewCompleted = EventBase<
  'PreliminaryReviewCompleted',
  LateEntry & {
    readonly opinion: string;
    readonly forwardedTo: string;
    readonly dueAt: string;
    /** After the 20 working days of art. 43: the violation LATE_PRELIMINARY_REVIEW. */
    readonly late: boolean;
  }
>;

/** P5: a one-time invitation for the applicant to rate; the token itself is never recorded. */
export type EvaluationInvitationIssued = EventBase<
  'EvaluationInvitationIssued',
  LateEntry & { readonly invitationId: string; readonly expiresAt: string }
>;

/** P6: the callback (回访) of a bad review. */
export type EvaluationCallbackRecorded = EventBase<
  'EvaluationCallbackRecorded',
  LateEntry & {
    readonly evaluationNo: number;
    readonly contactedAt: string;
    readonly result: string;
    readonly late: boolean;
  }
>;

/** P6: the department appeals a bad review (申诉). */
export type EvaluationAppealed = EventBase<
  'EvaluationAppealed',
  LateEntry & { readonly evaluationNo: number; readonly reason: string }
>;

/** P6: a supervisor's decision; an upheld appeal takes the review out of the rates (P7), not the record. */
export type EvaluationAppealDecided = EventBase<
  'EvaluationAppealDecided',
  LateEntry & { readonly evaluationNo: number; readonly upheld: boolean; readonly reason: string }
>;

export type StatutoryStepEvent =
  | DecisionDelivered
  | PreliminaryReviewCompleted
  | EvaluationInvitationIssued
  | EvaluationCallbackRecorded
  | EvaluationAppealed
  | EvaluationAppealDecided;
