/**
 * An SMS gateway behind the same port (E2): Tencent Cloud SMS, action SendSms of API version
 * 2021-01-11 (cloud.tencent.com/document/api/382/55981), signed with TC3-HMAC-SHA256. Written
 * against the documentation and its published signing vector only: no Tencent account was available
 * here, so it has never reached the real gateway. The subscription's `url` is the endpoint
 * (https://sms.tencentcloudapi.com), `secret` the SecretKey, `sms` the rest.
 *
 * E3: the message is a template of the center's choosing filled with the kind, the case id and the
 * deadline; the numbers are staff's, configured by an admin.
 */
import type { NotificationSubscription } from '#domain/notification/subscription.js';
import type {
  DeliveryOutcome,
  NotificationChannel,
  NotificationPayload,
} from './notification-channel.port.js';
import { postOutbound } from './outbound-post.js';
import { tc3Authorization } from './tc3-signature.js';

const KIND_LABELS: Record<NotificationPayload['kind'], string> = {
  warning: '预警',
  yellow: '黄牌',
  red: '红牌',
  referral_followup: '转办督办',
  explanation_due: '书面说明到期',
};

/** The SendSms body: template parameters {1} kind, {2} case id, {3} the deadline or due time (date and time). */
export function sendSmsBody(
  payload: NotificationPayload,
  sms: NonNullable<NotificationSubscription['sms']>,
): string {
  const when = (payload.dueAt ?? payload.deadline ?? payload.occurredAt).slice(0, 16).replace('T', ' ');
  return JSON.stringify({
    PhoneNumberSet: sms.phoneNumbers,
    SmsSdkAppId: sms.sdkAppId,
    SignName: sms.signName,
    TemplateId: sms.templateId,
    TemplateParamSet: [KIND_LABELS[payload.kind], payload.caseId, when],
    SessionContext: payload.notificationId,
  });
}

/** A property of parsed JSON, whatever its shape. */
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null
    ? Object.getOwnPropertyDescriptor(value, key)?.value
    : undefined;

/** The refusal in a SendSms answer: the request's error, or the first number not accepted ("Ok"). */
export function sendSmsRefusal(answer: unknown): string | undefined {
  const response = field(answer, 'Response');
  const error = field(field(response, 'Error'), 'Code');
  if (error !== undefined) return String(error);
  const statuses = field(response, 'SendStatusSet');
  if (!Array.isArray(statuses)) return 'no SendStatusSet';
  // Every number must be accepted; a partly refused send is retried whole (SessionContext names it).
  const refused = statuses.map((s) => field(s, 'Code')).find((code) => code !== 'Ok');
  return refused === undefined && statuses.length > 0 ? undefined : String(refused ?? 'empty SendStatusSet');
}

/**
 * The gateway's answer as JSON, or undefined: a body that is not JSON fails the attempt, as a refusal
 * would, said without the parser's message, which quotes the body (lastError is logged and shown).
 */
const answerJson = (text: string | undefined): unknown => {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
};

export class TencentSmsChannel implements NotificationChannel {
  constructor(
    private readonly now: () => number = Date.now,
    /** NOTIFICATIONS_ALLOW_PRIVATE_HOSTS (outbound-post.ts); off by default. */
    private readonly allowPrivateHosts = false,
  ) {}

  async deliver(
    payload: NotificationPayload,
    subscription: NotificationSubscription,
    timeoutMs: number,
  ): Promise<DeliveryOutcome> {
    const sms = subscription.sms;
    if (sms === undefined) return { ok: false, error: 'subscription has no SMS settings' };
    const url = new URL(subscription.url);
    const body = sendSmsBody(payload, sms);
    const timestamp = Math.floor(this.now() / 1000);
    try {
      const response = await postOutbound(url, {
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'X-TC-Action': 'SendSms',
          'X-TC-Version': '2021-01-11',
          'X-TC-Region': sms.region,
          'X-TC-Timestamp': String(timestamp),
          Authorization: tc3Authorization({
            secretId: sms.secretId,
            secretKey: subscription.secret,
            service: url.hostname.split('.')[0]!,
            host: url.host,
            timestamp,
            payload: body,
          }),
        },
        body,
        timeoutMs,
        allowPrivateHosts: this.allowPrivateHosts,
        readAnswer: true,
      });
      if (response.status < 200 || response.status >= 300)
        return { ok: false, error: `HTTP ${response.status}` };
      const answer = answerJson(response.text);
      if (answer === undefined) return { ok: false, error: 'SendSms answer is not JSON' };
      const refusal = sendSmsRefusal(answer);
      return refusal === undefined ? { ok: true } : { ok: false, error: `SendSms ${refusal}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message.slice(0, 200) : 'SMS send failed' };
    }
  }
}
