/**
 * E2, SSRF: the webhook and SMS channels send only to public addresses unless
 * NOTIFICATIONS_ALLOW_PRIVATE_HOSTS=on (channels/outbound-post.ts, #infra/notifications/
 * public-address.ts). Real channels and a real HTTP receiver on 127.0.0.1: refused by default (the
 * receiver gets nothing), reached once allowed.
 */
import type { NotificationSubscription } from '#domain/notification/subscription.js';
import { smsSubscription } from '#domain/testing/index.js';
import { isPublicAddress } from '#infra/notifications/public-address.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../bench/notifications/webhook-receiver.js';
import type { NotificationPayload } from '../../apps/projector/src/notifications/channels/notification-channel.port.js';
import { TencentSmsChannel } from '../../apps/projector/src/notifications/channels/tencent-sms-channel.js';
import { WebhookChannel } from '../../apps/projector/src/notifications/channels/webhook-channel.js';
import { loadNotificationSettings } from '../../apps/projector/src/notifications/notification-settings.js';

const payload: NotificationPayload = {
  notificationId: '0b9e3f6a-4c1d-5e2f-8a7b-6c5d4e3f2a1b',
  kind: 'yellow',
  caseId: 'case-9',
  centerId: 'center-1',
  departmentId: 'dept-market',
  windowId: 'win-3',
  level: 'yellow',
  recipients: [{ role: 'supervisor' }],
  occurredAt: '2026-03-12T17:31:00+08:00',
};

const subscriptionTo = (url: string): NotificationSubscription => ({
  subscriptionId: 'sub-ssrf',
  url,
  secret: 'ssrf-secret-0123456789abcdef',
  kinds: ['yellow'],
  centerId: 'center-1',
  channel: 'webhook',
});

describe('E2: notifications are sent to public addresses only, unless allowed (SSRF)', () => {
  let receiver: WebhookReceiver;
  let port: string;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    port = new URL(receiver.url).port;
  });
  afterAll(() => receiver.close());

  it.each([
    [
      'the loopback address',
      (p: string) => `http://127.0.0.1:${p}/hook`,
      'refused 127.0.0.1: not a public address',
    ],
    [
      'a name resolving to loopback',
      (p: string) => `http://localhost:${p}/hook`,
      'refused localhost: it resolves to',
    ],
    ['IPv6 loopback', (p: string) => `http://[::1]:${p}/hook`, 'refused ::1: not a public address'],
    ['IPv4-mapped loopback', (p: string) => `http://[::ffff:127.0.0.1]:${p}/hook`, 'not a public address'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/', 'refused 169.254.169.254'],
    ["Alibaba Cloud's metadata", () => 'http://100.100.100.200/latest/meta-data/', 'refused 100.100.100.200'],
    ['a private network', () => 'https://10.1.2.3/hook', 'refused 10.1.2.3'],
  ])(
    'the webhook refuses %s by default: nothing is sent, the reason is the attempt’s error',
    async (_, url, reason) => {
      const before = receiver.requests.length;
      const started = Date.now();
      const outcome = await new WebhookChannel().deliver(payload, subscriptionTo(url(port)), 5_000);
      expect(outcome).toEqual({ ok: false, error: expect.stringContaining(reason) });
      expect(outcome).toEqual({
        ok: false,
        error: expect.stringContaining('NOTIFICATIONS_ALLOW_PRIVATE_HOSTS'),
      });
      // Refused before any connection: no timeout waited for, nothing received.
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(receiver.requests.length).toBe(before);
    },
  );

  it('with NOTIFICATIONS_ALLOW_PRIVATE_HOSTS=on the same receiver gets the signed request, once', async () => {
    const before = receiver.requests.length;
    const channel = new WebhookChannel({ allowPrivateHosts: true });
    expect(await channel.deliver(payload, subscriptionTo(`http://localhost:${port}/hook`), 5_000)).toEqual({
      ok: true,
    });
    expect(receiver.requests.slice(before)).toEqual([
      expect.objectContaining({
        notificationId: payload.notificationId,
        signature: expect.stringMatching(/^sha256=/),
      }),
    ]);
  });

  it('a redirect is not followed: it is a failed attempt', async () => {
    receiver.behave(() => ({ status: 302 }));
    try {
      const outcome = await new WebhookChannel({ allowPrivateHosts: true }).deliver(
        payload,
        subscriptionTo(receiver.url),
        5_000,
      );
      expect(outcome).toEqual({ ok: false, error: 'HTTP 302' });
    } finally {
      receiver.behave(() => ({ status: 200 }));
    }
  });

  it('the SMS gateway is guarded the same way', async () => {
    const before = receiver.requests.length;
    const sms = smsSubscription(`http://127.0.0.1:${port}/`);
    const outcome = await new TencentSmsChannel().deliver(payload, sms, 5_000);
    expect(outcome).toEqual({
      ok: false,
      error: expect.stringContaining('refused 127.0.0.1: not a public address'),
    });
    expect(receiver.requests.length).toBe(before);
  });

  it('which addresses are public', () => {
    const publicOnes = [
      '114.114.114.114',
      '8.8.8.8',
      '223.5.5.5',
      '2400:3200::1',
      '[2402:4e00::]',
      '::ffff:8.8.8.8',
    ];
    const notPublic = [
      '0.0.0.0',
      '10.0.0.1',
      '100.64.0.1',
      '127.0.0.2',
      '169.254.0.23',
      '172.16.5.4',
      '172.31.255.255',
      '192.168.1.1',
      '198.18.0.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::127.0.0.1',
      '::a9fe:a9fe',
      'fd00::1',
      'fe80::1%eth0',
      'ff02::1',
      '::ffff:10.0.0.1',
      '::ffff:a9fe:a9fe',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::',
      '2001:db8::1',
      'localhost',
      'not-an-address',
    ];
    expect(publicOnes.filter((a) => !isPublicAddress(a))).toEqual([]);
    expect(notPublic.filter((a) => isPublicAddress(a))).toEqual([]);
    expect(isPublicAddress('172.32.0.1')).toBe(true);
    expect(isPublicAddress('100.128.0.1')).toBe(true);
  });

  it('NOTIFICATIONS_ALLOW_PRIVATE_HOSTS is off unless set to on; another value stops the process naming it', () => {
    expect(loadNotificationSettings({}).allowPrivateHosts).toBe(false);
    expect(loadNotificationSettings({ NOTIFICATIONS_ALLOW_PRIVATE_HOSTS: 'on' }).allowPrivateHosts).toBe(
      true,
    );
    expect(loadNotificationSettings({ NOTIFICATIONS_ALLOW_PRIVATE_HOSTS: 'off' }).allowPrivateHosts).toBe(
      false,
    );
    expect(() => loadNotificationSettings({ NOTIFICATIONS_ALLOW_PRIVATE_HOSTS: 'yes' })).toThrow(
      /NOTIFICATIONS_ALLOW_PRIVATE_HOSTS must be on or off/,
    );
  });
});
