/**
 * The outbox of E2 in the read store: one notification per (event, kind), one delivery per
 * (notification, subscription). Written by the projector's notifier, never by a projection, so a
 * rebuild of the read models (which swaps only the projections' collections) leaves them alone.
 */
import type { NotificationContent } from '#domain/notification/notification.js';

export const NOTIFICATION_COLLECTIONS = {
  /** `_id`: the notification id (UUID v5 of the event id and the kind). */
  notifications: 'notifications',
  /** `_id`: `<notificationId>~<subscriptionId>`. */
  deliveries: 'notification_deliveries',
  /** `_id`: `<deliveryId>@<round>.<attempt>.<generation>`: who sends that attempt (insert-only). */
  claims: 'notification_claims',
  /** `_id`: `notifier`: where the notifier has read to, and the subscriptions folded so far. */
  checkpoints: 'notifier_checkpoints',
} as const;

export interface NotificationDocument extends NotificationContent {
  readonly _id: string;
  readonly eventId: string;
  readonly position: string;
  readonly createdAtMs: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'undeliverable';

export interface DeliveryDocument {
  readonly _id: string;
  readonly notificationId: string;
  readonly subscriptionId: string;
  readonly kind: NotificationContent['kind'];
  readonly caseId: string;
  readonly status: DeliveryStatus;
  /** Attempts in this round; an admin's redelivery starts a new round. */
  readonly attempts: number;
  readonly round: number;
  /** Epoch ms: not attempted before then. */
  readonly nextAttemptAtMs: number;
  /** E2: retried until then (24 hours after it was recorded or resent), then undeliverable. */
  readonly giveUpAtMs: number;
  /** How long a retry window lasts, kept so a redelivery opens the same one. */
  readonly retryWindowMs: number;
  readonly lastError?: string;
  readonly deliveredAtMs?: number;
}

export interface DeliveryClaimDocument {
  readonly _id: string;
  readonly owner: string;
  readonly leaseUntilMs: number;
}

export const deliveryId = (notificationId: string, subscriptionId: string): string =>
  `${notificationId}~${subscriptionId}`;
