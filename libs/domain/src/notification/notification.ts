/**
 * A notification (DOMAIN.md E1–E3, API.md "the webhook request"): who must act on a warning, a card,
 * a referral follow-up or an explanation falling due, and the facts they need to find the case.
 * E3: the type has room for ids, codes, levels and deadlines only — never a name, phone or id number.
 */
import type { StaffRole } from '../actor/actor.js';
import type { CardLevel } from '../case/case-events.js';

export const NOTIFICATION_KINDS = [
  'warning',
  'yellow',
  'red',
  'referral_followup',
  'explanation_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** E1: a role within the notification's scope (its center, department, window), or one staff member. */
export interface Recipient {
  readonly role: StaffRole;
  /** Set when one person is meant (F3: the first responder). A staff id, never a name. */
  readonly staffId?: string;
}

/** What a notification says, before it has an id (the outbox derives one from the event, E2). */
export interface NotificationContent {
  readonly kind: NotificationKind;
  readonly caseId: string;
  readonly centerId: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly level?: CardLevel;
  readonly cardId?: string;
  /** The case's deadline the card measures (C1–C3). */
  readonly deadline?: string;
  /** When the person notified must have acted: the explanation (C5) or the follow-up (F3). */
  readonly dueAt?: string;
  readonly recipients: readonly Recipient[];
  /** Business time of the event the notification comes from. */
  readonly occurredAt: string;
}
