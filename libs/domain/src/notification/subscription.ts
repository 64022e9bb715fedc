/**
 * E2: where a center's (or one department's) notifications go. A subscription is configuration:
 * recorded as an event in its own stream (`notification-subscription-<id>`), so every change is
 * itself recorded, and the notifier folds the events in the order it reads them.
 */
import {
  administrationDecider,
  type AdministrationDecider,
} from '../administration/administration-decider.js';
import { refuseAdministration, type AdministrationError } from '../administration/administration-error.js';
import type { AdministrationEventBase } from '../administration/administration-events.js';
import { NOTIFICATION_KINDS, type NotificationContent, type NotificationKind } from './notification.js';

/** Tencent Cloud SMS (SendSms, API 2021-01-11): the account's fields besides the SecretKey (`secret`). */
export interface SmsGatewaySettings {
  readonly provider: 'tencent-cloud';
  readonly secretId: string;
  readonly sdkAppId: string;
  readonly signName: string;
  readonly templateId: string;
  readonly region: string;
  /** Staff numbers in E.164 (+86…); never an applicant's (E3). */
  readonly phoneNumbers: readonly string[];
}

export interface NotificationSubscription {
  readonly subscriptionId: string;
  /** The webhook's URL, or the SMS gateway's endpoint. */
  readonly url: string;
  /** HMAC-SHA256 key of the webhook signature, or the gateway's SecretKey. */
  readonly secret: string;
  readonly kinds: readonly NotificationKind[];
  readonly centerId: string;
  /** Absent: every notification of the center. */
  readonly departmentId?: string;
  readonly channel: 'webhook' | 'sms';
  readonly sms?: SmsGatewaySettings;
}

export type NotificationSubscriptionConfigured = AdministrationEventBase<
  'NotificationSubscriptionConfigured',
  NotificationSubscription
>;

export const notificationSubscriptionStreamId = (id: string): string => `notification-subscription-${id}`;

const invalid = (field: string, message: string): AdministrationError =>
  refuseAdministration('VALIDATION_FAILED', `${field} ${message} (E2).`, [{ field, message }]);

/** E2: what makes a subscription unusable: its URL, secret, kinds, center or channel. */
function subscriptionRefusal(input: NotificationSubscription): AdministrationError | undefined {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    return invalid('url', 'must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return invalid('url', 'must be http or https');
  if (url.username !== '' || url.password !== '') return invalid('url', 'must not hold credentials');
  if (input.secret.length < 16) return invalid('secret', 'must have at least 16 characters');
  if (new Set(input.kinds).size !== input.kinds.length) return invalid('kinds', 'must not repeat a kind');
  const unknown = input.kinds.find((k) => !NOTIFICATION_KINDS.includes(k));
  if (unknown !== undefined) return invalid('kinds', `holds an unknown kind ${unknown}`);
  if (input.centerId.trim() === '') return invalid('centerId', 'must not be empty');
  if (input.channel === 'sms' && input.sms === undefined)
    return invalid('sms', 'is required for channel sms');
  if (input.channel === 'webhook' && input.sms !== undefined)
    return invalid('sms', 'is only for channel sms');
  return undefined;
}

/** E2: an admin configures a subscription; its URL, secret and kinds must be usable. */
export const configureNotificationSubscription: AdministrationDecider<
  NotificationSubscription,
  NotificationSubscriptionConfigured
> = administrationDecider({
  type: 'NotificationSubscriptionConfigured',
  roles: ['admin'],
  what: 'configure notification subscriptions',
  refusal: subscriptionRefusal,
  data: (input) => input,
});

/** E2: whether a notification goes to a subscription: its kind, its center, and its department if named. */
export function subscriptionMatches(
  subscription: NotificationSubscription,
  notification: Pick<NotificationContent, 'kind' | 'centerId' | 'departmentId'>,
): boolean {
  return (
    subscription.kinds.includes(notification.kind) &&
    subscription.centerId === notification.centerId &&
    (subscription.departmentId === undefined || subscription.departmentId === notification.departmentId)
  );
}
