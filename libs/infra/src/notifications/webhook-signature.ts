/**
 * E2: a webhook body is signed with HMAC-SHA256 under the subscription's secret, over the raw bytes
 * sent, as `X-Signature: sha256=<hex>`. `verifyWebhookSignature` is what a receiver does (README).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Signature';
export const NOTIFICATION_ID_HEADER = 'X-Notification-Id';

export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function verifyWebhookSignature(
  rawBody: string | Buffer,
  secret: string,
  header: string | undefined,
): boolean {
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
