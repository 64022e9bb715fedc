/**
 * E1–E3 end to end: the API as `npm start` runs it (PGlite, FerretDB, projector, supervision on a
 * manual clock) plus the notifier, delivering to real HTTP receivers on 127.0.0.1. Short retry
 * settings come through the notifier's configuration; nothing fakes time in it.
 */
import { createHmac } from 'node:crypto';
import {
  NOTIFICATION_COLLECTIONS,
  type NotificationDocument,
} from '#infra/notifications/notification-documents.js';
import { verifyWebhookSignature } from '#infra/notifications/webhook-signature.js';
import { rebuildProjections } from '../../apps/projector/src/rebuild/rebuild-projections.js';
import {
  startNotifications,
  type RunningNotifications,
} from '../../apps/projector/src/notifications/start-notifications.js';
import { caseAt, expectOk, INQUIRY, type Tokens } from '../api/support/case-fixtures.js';
import { startSupervisedApi, type SupervisedApi } from '../supervision/support/supervised-api.js';
import {
  eventually,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../bench/notifications/webhook-receiver.js';
import { pino } from 'pino';
import { useTestApi } from '../api/support/test-api-stand.js';

const SETTINGS = {
  pollMs: 50,
  sweepMs: 200,
  backoffBaseMs: 50,
  backoffMaxMs: 200,
  retryWindowMs: 1_500,
  timeoutMs: 300,
  concurrency: 2,
  // The receivers listen on 127.0.0.1, which the SSRF guard refuses unless allowed (ssrf-guard.spec.ts).
  allowPrivateHosts: true,
};
const SECRETS = {
  market: 'market-secret-0123456789abcdef',
  flaky: 'flaky-secret-0123456789abcdef',
  dead: 'dead-secret-0123456789abcdef00',
  tax: 'tax-secret-0123456789abcdef000',
};

describe('notifications: outbox and signed webhooks (E1–E3)', () => {
  let api: SupervisedApi;
  let t: Tokens;
  let notifications: RunningNotifications;
  let second: RunningNotifications | undefined;
  const receivers: Record<keyof typeof SECRETS, WebhookReceiver> = {} as never;
  let firstCase: string;
  let yellowId: string;

  const subscribe = (id: keyof typeof SECRETS, body: Record<string, unknown>) =>
    expectOk(
      api,
      'PUT',
      `/admin/notification-subscriptions/${id}`,
      {
        url: receivers[id].url,
        secret: SECRETS[id],
        centerId: 'center-1',
        ...body,
      },
      t.admin,
    );

  useTestApi(
    {
      open: () => startSupervisedApi(),
      beforeClose: async () => {
        await second?.stop();
        await notifications?.stop();
        for (const r of Object.values(receivers)) await r?.close();
      },
    },
    (stand) => ({ api, t } = stand),
  );
  beforeAll(async () => {
    for (const id of Object.keys(SECRETS) as (keyof typeof SECRETS)[])
      receivers[id] = await startWebhookReceiver();
    notifications = await startNotifications(api.store, api.db!, {
      logger: pino({ level: 'error' }),
      settings: SETTINGS,
    });
  });

  it('E2: refuses a subscription with a short secret or an unknown kind (400, naming the field), and answers without the secret', async () => {
    const short = await api.request(
      'PUT',
      '/admin/notification-subscriptions/bad',
      {
        url: 'http://127.0.0.1:9/x',
        secret: 'short',
        kinds: ['yellow'],
        centerId: 'center-1',
      },
      { token: t.admin },
    );
    expect(short.body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'secret' }],
    });
    const kind = await api.request(
      'PUT',
      '/admin/notification-subscriptions/bad',
      {
        url: 'http://127.0.0.1:9/x',
        secret: SECRETS.market,
        kinds: ['orange'],
        centerId: 'center-1',
      },
      { token: t.admin },
    );
    expect(kind.body).toMatchObject({ status: 400, errors: [{ field: 'kinds' }] });
    const byWindow = await api.request(
      'PUT',
      '/admin/notification-subscriptions/bad',
      {
        url: 'http://127.0.0.1:9/x',
        secret: SECRETS.market,
        kinds: ['yellow'],
        centerId: 'center-1',
      },
      { token: t.window },
    );
    expect(byWindow.status).toBe(403);
    const list = await api.request('GET', '/admin/notifications?status=undeliverable', undefined, {
      token: t.window,
    });
    expect(list.status).toBe(403);
  });

  it("E1, E2, E3: a yellow card reaches the department's subscription with a valid signature, and no other department's", async () => {
    const answer = await subscribe('market', { kinds: ['yellow', 'red'], departmentId: 'dept-market' });
    expect(JSON.stringify(answer)).not.toContain(SECRETS.market);
    await subscribe('flaky', { kinds: ['yellow'] });
    await subscribe('dead', { kinds: ['yellow'], departmentId: 'dept-market' });
    await subscribe('tax', { kinds: ['yellow', 'red', 'warning'], departmentId: 'dept-tax' });
    receivers.flaky.behave((n) => ({ status: n < 2 ? 500 : 200 }));
    receivers.dead.behave(() => 'never');

    // Accepted Monday 2026-03-02 with 5 working days: due Monday 03-09 17:30; the yellow card falls due after.
    firstCase = await caseAt(api, t, 'accepted');
    await api.setClock('2026-03-09T17:31:00+08:00');
    await eventually(
      () => receivers.market.requests.length === 1,
      15_000,
      'the yellow card at the market receiver',
    );

    const [request] = receivers.market.requests;
    const body = JSON.parse(request!.rawBody);
    yellowId = body.notificationId;
    expect(request!.notificationId).toBe(yellowId);
    expect(request!.contentType).toMatch(/^application\/json/);
    // The receiver's own check: HMAC-SHA256 of the raw body with the subscription's secret.
    expect(request!.signature).toBe(
      `sha256=${createHmac('sha256', SECRETS.market).update(request!.rawBody).digest('hex')}`,
    );
    expect(verifyWebhookSignature(request!.rawBody, SECRETS.market, request!.signature)).toBe(true);
    expect(verifyWebhookSignature(request!.rawBody, SECRETS.tax, request!.signature)).toBe(false);
    expect(body).toEqual({
      notificationId: yellowId,
      kind: 'yellow',
      caseId: firstCase,
      centerId: 'center-1',
      departmentId: 'dept-market',
      windowId: 'win-3',
      level: 'yellow',
      cardId: 'yellow-202603091730',
      deadline: '2026-03-09T17:30:00+08:00',
      dueAt: '2026-03-11T17:30:00+08:00',
      recipients: [{ role: 'window' }, { role: 'approver' }],
      occurredAt: expect.stringMatching(/^2026-03-09T17:31/),
    });
    // E3: nothing of the applicant (INQUIRY: 张三, id number, phone) in what a receiver gets.
    for (const value of [INQUIRY.applicant.name, INQUIRY.applicant.idNumber, INQUIRY.applicant.phone])
      expect(request!.rawBody).not.toContain(value);
    expect(receivers.tax.requests).toEqual([]);
  });

  it('E2: a receiver that fails twice then answers 200 gets it exactly once more, with the same id', async () => {
    await eventually(
      () => receivers.flaky.of(yellowId).length >= 3,
      15_000,
      'three attempts at the flaky receiver',
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(receivers.flaky.of(yellowId).map((r) => r.answered)).toEqual([500, 500, 200]);
    const signatures = new Set(receivers.flaky.of(yellowId).map((r) => r.signature));
    expect(signatures.size).toBe(1);
  });

  it('E2: a receiver that never answers ends undeliverable; an admin sees it and resends it once the receiver recovers', async () => {
    interface Page {
      items: { attempts: number }[];
    }
    const listed = async (): Promise<Page> =>
      (
        await api.request<Page>('GET', '/admin/notifications?status=undeliverable', undefined, {
          token: t.admin,
        })
      ).body;
    await eventually(async () => (await listed()).items.length === 1, 15_000, 'the undeliverable list');
    const page = await listed();
    expect(page.items[0]).toMatchObject({
      notificationId: yellowId,
      subscriptionId: 'dead',
      kind: 'yellow',
      caseId: firstCase,
      status: 'undeliverable',
      // The lane words a failing receiver's last error; the timeout is what the receiver did.
      lastError: expect.stringContaining('timeout after 300 ms'),
      nextAttemptAt: null,
    });
    expect(page.items[0].attempts).toBeGreaterThanOrEqual(2);
    const attempts = receivers.dead.of(yellowId).length;
    expect(attempts).toBe(page.items[0].attempts);

    // Nothing more is tried on its own.
    await new Promise((r) => setTimeout(r, 600));
    expect(receivers.dead.of(yellowId).length).toBe(attempts);

    receivers.dead.behave(() => ({ status: 204 }));
    const resent = await api.request(
      'POST',
      `/admin/notifications/${yellowId}/redelivery`,
      {},
      { token: t.admin },
    );
    expect(resent).toMatchObject({
      status: 202,
      body: { notificationId: yellowId, subscriptionIds: ['dead'] },
    });
    await eventually(
      () => receivers.dead.of(yellowId).length === attempts + 1,
      15_000,
      'the resent notification',
    );
    expect(receivers.dead.of(yellowId).at(-1)!.answered).toBe(204);
    expect((await listed()).items).toEqual([]);
    const again = await api.request(
      'POST',
      `/admin/notifications/${yellowId}/redelivery`,
      {},
      { token: t.admin },
    );
    expect(again.body).toMatchObject({ status: 409, code: 'E2_NOT_UNDELIVERABLE' });
    const unknown = await api.request(
      'POST',
      '/admin/notifications/no-such-id/redelivery',
      {},
      { token: t.admin },
    );
    expect(unknown.body).toMatchObject({ status: 404, code: 'NOTIFICATION_NOT_FOUND' });
  });

  it('E2: a rebuild of the projections, and a replay of every event by a notifier that lost its checkpoint, send nothing again', async () => {
    const before = Object.fromEntries(Object.entries(receivers).map(([k, r]) => [k, r.requests.length]));
    await rebuildProjections(api.store, api.db!, { logger: pino({ level: 'error' }), leaseTtlMs: 2_000 });
    await notifications.stop();
    await api.db!.collection(NOTIFICATION_COLLECTIONS.checkpoints).deleteMany({});
    notifications = await startNotifications(api.store, api.db!, {
      logger: pino({ level: 'error' }),
      settings: SETTINGS,
    });
    await notifications.notifier.whenCaughtUp();
    await new Promise((r) => setTimeout(r, 800));
    const after = Object.fromEntries(Object.entries(receivers).map(([k, r]) => [k, r.requests.length]));
    expect(after).toEqual(before);
    const outbox = api.db!.collection<NotificationDocument>(NOTIFICATION_COLLECTIONS.notifications);
    expect(await outbox.countDocuments({ _id: yellowId })).toBe(1);
  });

  it('E2: with a second notifier on the same stores (as in a second projector process), every notification is sent once', async () => {
    second = await startNotifications(api.store, api.db!, {
      logger: pino({ level: 'error' }),
      settings: SETTINGS,
    });
    const secondCase = await caseAt(api, t, 'accepted');
    // Accepted 2026-03-09 17:31 (after office hours): due 03-16 17:30.
    await api.setClock('2026-03-16T17:31:00+08:00');
    const ofCase = (r: WebhookReceiver) =>
      r.requests.filter(
        (q) => JSON.parse(q.rawBody).caseId === secondCase && JSON.parse(q.rawBody).kind === 'yellow',
      );
    await eventually(
      () =>
        ofCase(receivers.market).length === 1 &&
        ofCase(receivers.flaky).length === 1 &&
        ofCase(receivers.dead).length >= 1,
      15_000,
      "the second case's yellow card at each receiver",
    );
    await new Promise((r) => setTimeout(r, 800));
    // Receivers that answer get it exactly once from the two notifiers; the one that never answers
    // is retried by design (E2, at least once), so it may see the same notification again.
    for (const r of [receivers.market, receivers.flaky]) expect(ofCase(r)).toHaveLength(1);
    expect(new Set(ofCase(receivers.dead).map((q) => q.notificationId)).size).toBe(1);
    // Every notification id reached the healthy receiver once, over the whole suite.
    const ids = receivers.market.requests.map((q) => q.notificationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(notifications.dispatcher.delivered + second.dispatcher.delivered).toBeGreaterThan(0);
  });
});
