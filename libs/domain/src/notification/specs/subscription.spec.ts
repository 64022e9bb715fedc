import type { Actor } from '../../actor/actor.js';
import {
  configureNotificationSubscription,
  subscriptionMatches,
  type NotificationSubscription,
} from '../subscription.js';

const admin: Actor = { id: 'u-admin', name: '管理员赵敏', role: 'admin' };
const at = '2026-03-02T09:00:00+08:00';
const subscription: NotificationSubscription = {
  subscriptionId: 'market-webhook',
  url: 'https://oa.example.gov.cn/hooks/supervision',
  secret: 'a-secret-of-32-characters-000000',
  kinds: ['yellow', 'red'],
  centerId: 'center-1',
  departmentId: 'dept-market',
  channel: 'webhook',
};

describe('notification subscriptions (E2)', () => {
  it('E2: given an admin, when a subscription is configured, then it is recorded as an event', () => {
    expect(configureNotificationSubscription(subscription, admin, at)).toMatchObject({
      type: 'NotificationSubscriptionConfigured',
      data: { subscriptionId: 'market-webhook', kinds: ['yellow', 'red'] },
    });
  });

  it('E2: refuses a URL that is not http(s), a short secret, and other roles', () => {
    expect(configureNotificationSubscription({ ...subscription, url: 'ftp://x/y' }, admin, at)).toMatchObject(
      {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'url' }],
      },
    );
    expect(configureNotificationSubscription({ ...subscription, secret: 'short' }, admin, at)).toMatchObject({
      errors: [{ field: 'secret' }],
    });
    expect(
      configureNotificationSubscription(subscription, { ...admin, role: 'supervisor' }, at),
    ).toMatchObject({ code: 'ROLE_NOT_ALLOWED' });
  });

  it("E2: a department's subscription gets its department's notifications of the kinds it names; a center's gets all its center's", () => {
    const yellow = { kind: 'yellow', centerId: 'center-1', departmentId: 'dept-market' } as const;
    expect(subscriptionMatches(subscription, yellow)).toBe(true);
    expect(subscriptionMatches(subscription, { ...yellow, departmentId: 'dept-tax' })).toBe(false);
    expect(subscriptionMatches(subscription, { ...yellow, kind: 'warning' })).toBe(false);
    expect(subscriptionMatches(subscription, { ...yellow, centerId: 'center-2' })).toBe(false);
    const { departmentId: _omitted, ...centerWide } = subscription;
    expect(subscriptionMatches(centerWide, { ...yellow, departmentId: 'dept-tax' })).toBe(true);
  });
});
