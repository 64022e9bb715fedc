/**
 * The delivery port (E2): a channel sends one notification to one subscription and says whether
 * the receiver took it. Adapters: the signed HTTP webhook, and Tencent Cloud SMS.
 */
import type { NotificationKind, Recipient } from '#domain/notification/notification.js';
import type { NotificationSubscription } from '#domain/notification/subscription.js';
import type { NotificationDocument } from '#infra/notifications/notification-documents.js';
import { definedFields } from '#infra/objects/present-fields.js';

/** The JSON body a receiver gets (API.md "A webhook delivery"); E3: ids, codes, levels, deadlines. */
export interface NotificationPayload {
  readonly notificationId: string;
  readonly kind: NotificationKind;
  readonly caseId: string;
  readonly centerId: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly level?: string;
  readonly cardId?: string;
  readonly deadline?: string;
  readonly dueAt?: string;
  readonly recipients: readonly Recipient[];
  readonly occurredAt: string;
}

export function payloadOf(n: NotificationDocument): NotificationPayload {
  return {
    notificationId: n._id,
    kind: n.kind,
    caseId: n.caseId,
    centerId: n.centerId,
    departmentId: n.departmentId,
    windowId: n.windowId,
    ...definedFields(n, ['level', 'cardId', 'deadline', 'dueAt']),
    recipients: n.recipients,
    occurredAt: n.occurredAt,
  };
}

export type DeliveryOutcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

export interface NotificationChannel {
  deliver(
    payload: NotificationPayload,
    subscription: NotificationSubscription,
    timeoutMs: number,
  ): Promise<DeliveryOutcome>;
}
