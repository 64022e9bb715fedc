/**
 * E2: a notification's id is derived from the event it comes from and its kind (UUID v5), so every
 * reading of that event — a replay, a second projector, a rebuild — names the same notification, and
 * a receiver can drop duplicates by `X-Notification-Id`.
 */
import type { NotificationKind } from '#domain/notification/notification.js';
import { uuidV5 } from '../ids/derived-ids.js';

/** The notifier's own namespace, fixed once and never changed (ids must stay derivable). */
const NOTIFICATION_NAMESPACE = '9f3b2c1d-7a4e-5b6f-8c0d-1e2f3a4b5c6d';

export const notificationId = (eventId: string, kind: NotificationKind): string =>
  uuidV5(`notification|${eventId}|${kind}`, NOTIFICATION_NAMESPACE);
