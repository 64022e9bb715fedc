/**
 * Events that pause, move or stop a case's clock: suspension and resumption (T6), extension (T7),
 * the decision (办结, T12) and withdrawal. Kept beside case-events.ts so that file stays readable;
 * they are part of `CaseEvent` and exported with it.
 */
import type {
  DeadlineFacts,
  EventBase,
  LateEntry,
  NotificationChannel,
  SuspensionType,
} from './case-events.js';

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
