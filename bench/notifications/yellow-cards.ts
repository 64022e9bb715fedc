/**
 * Events for the notification bench and the multi-process suite: per case its inquiry (the case's
 * center, F1, with an applicant's personal data that must never reach a receiver, E3) and a yellow
 * card (C2) as supervision writes it; and webhook subscriptions as the admin route records them.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { system as SYSTEM, windowClerk as clerk } from '#domain/testing/fixtures.js';
import {
  configureNotificationSubscription,
  notificationSubscriptionStreamId,
  type NotificationSubscriptionConfigured,
} from '#domain/notification/subscription.js';
import type { EventStore, NewEvent } from '#infra/event-store/event-store.port.js';
import { uuidV5 } from '#infra/ids/derived-ids.js';
import { newEventOf } from '#infra/command-handling/handle-command.js';

const admin: Actor = { id: 'u-admin', name: '管理员', role: 'admin' };

const envelope = (event: CaseEvent | NotificationSubscriptionConfigured, id: string): NewEvent =>
  newEventOf(event, { eventId: uuidV5(id), causationId: null }, id);

/** E2: a webhook subscription of center-1 to yellow cards. */
export async function appendSubscription(
  store: EventStore,
  id: string,
  url: string,
  secret: string,
): Promise<void> {
  const event = configureNotificationSubscription(
    { subscriptionId: id, url, secret, kinds: ['yellow'], centerId: 'center-1', channel: 'webhook' },
    admin,
    '2026-03-01T09:00:00+08:00',
  );
  if (!('type' in event)) throw new Error(event.detail);
  await store.append(
    notificationSubscriptionStreamId(id),
    [envelope(event, `subscription/${id}/${url}`)],
    'any',
  );
}

/** `count` cases `<prefix>-<n>`, each with its inquiry and a yellow card, 8 appends at a time. */
export async function appendCards(store: EventStore, count: number, prefix = 'bench'): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < count; i = next++) {
      const caseId = `${prefix}-${i}`;
      const inquiry: CaseEvent = {
        type: 'InquiryRegistered',
        schemaVersion: 1,
        occurredAt: '2026-03-02T09:00:00+08:00',
        actor: clerk,
        data: {
          caseId,
          centerId: 'center-1',
          channel: 'window',
          applicant: { kind: 'person', name: '张三', phone: '13800138000' },
          question: '如何办理食品经营许可？',
          firstResponder: clerk,
        },
      };
      const yellow: CaseEvent = {
        type: 'YellowCardIssued',
        schemaVersion: 1,
        occurredAt: '2026-03-09T17:31:00+08:00',
        actor: SYSTEM,
        data: {
          cardId: 'yellow-202603091730',
          level: 'yellow',
          deadline: '2026-03-09T17:30:00+08:00',
          cause: 'timeliness',
          departmentId: 'dept-market',
          windowId: 'win-3',
          policyVersion: 'default-2026',
          remainingMinutes: -1,
          explanationDueAt: '2026-03-11T17:30:00+08:00',
        },
      };
      await store.append(
        `case-${caseId}`,
        [envelope(inquiry, `${caseId}/0`), envelope(yellow, `${caseId}/1`)],
        'no_stream',
      );
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
