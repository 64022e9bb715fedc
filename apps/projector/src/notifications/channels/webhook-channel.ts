/**
 * The HTTP webhook adapter (E2, API.md "A webhook delivery"): `POST <url>` with the JSON body,
 * `X-Notification-Id` (receivers drop duplicates by it) and `X-Signature: sha256=<HMAC-SHA256 of the
 * raw body under the subscription's secret>`. Any 2xx acknowledges; anything else, a refused
 * connection or the timeout is a failed attempt the dispatcher retries.
 */
import type { NotificationSubscription } from '#domain/notification/subscription.js';
import {
  NOTIFICATION_ID_HEADER,
  SIGNATURE_HEADER,
  signWebhookBody,
} from '#infra/notifications/webhook-signature.js';
import type {
  DeliveryOutcome,
  NotificationChannel,
  NotificationPayload,
} from './notification-channel.port.js';
import { postOutbound } from './outbound-post.js';

export class WebhookChannel implements NotificationChannel {
  /** `allowPrivateHosts`: NOTIFICATIONS_ALLOW_PRIVATE_HOSTS (outbound-post.ts); off by default. */
  constructor(
    private readonly options: { readonly allowPrivateHosts: boolean } = { allowPrivateHosts: false },
  ) {}

  async deliver(
    payload: NotificationPayload,
    subscription: NotificationSubscription,
    timeoutMs: number,
  ): Promise<DeliveryOutcome> {
    const body = JSON.stringify(payload);
    try {
      const response = await postOutbound(new URL(subscription.url), {
        headers: {
          'Content-Type': 'application/json',
          [NOTIFICATION_ID_HEADER]: payload.notificationId,
          [SIGNATURE_HEADER]: signWebhookBody(body, subscription.secret),
        },
        body,
        timeoutMs,
        allowPrivateHosts: this.options.allowPrivateHosts,
      });
      if (response.status >= 200 && response.status < 300) return { ok: true };
      return { ok: false, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, error: describe(error, timeoutMs) };
    }
  }
}

/** A short reason without the URL's query or anything the receiver said (lastError is shown to admins). */
function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  if (error instanceof Error) {
    // The SSRF guard's refusal says why (outbound-post.ts); a socket error by its code.
    if ('code' in error && typeof error.code === 'string' && error.code !== 'NON_PUBLIC_ADDRESS')
      return error.code;
    return error.message.slice(0, 200);
  }
  return 'delivery failed';
}
