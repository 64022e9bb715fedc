/**
 * E2 across processes: two projector processes' notifiers (child processes, as `npm run
 * start:projector` twice) on one PostgreSQL event store and one FerretDB deliver every notification
 * exactly once to a healthy receiver, each claiming deliveries atomically with a lease.
 */
import { appendCards, appendSubscription } from '../../bench/notifications/yellow-cards.js';
import {
  eventually,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../bench/notifications/webhook-receiver.js';
import { startChild, type Child } from '../projector/support/child-process.js';
import { postgresEventStore, type TestEventStore } from '../projector/support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';
import { NOTIFICATION_COLLECTIONS } from '#infra/notifications/notification-documents.js';

const CARDS = 150;

describe('notifications from two projector processes (E2)', () => {
  let events: TestEventStore;
  let server: TestReadServer;
  let receiver: WebhookReceiver;
  const children: Child[] = [];

  beforeAll(async () => {
    events = await postgresEventStore();
    server = await startTestReadServer();
    // Slow enough that both processes have requests in flight at once.
    receiver = await startWebhookReceiver(() => ({ status: 200, delayMs: 20 }));
  });
  afterAll(async () => {
    for (const c of children) {
      c.process.kill('SIGTERM');
      await c.exited;
    }
    await receiver?.close();
    await server?.close();
    await events?.close();
  });

  it('E2: a second projector process sends nothing twice; both deliver, each notification reaches the receiver once', async () => {
    const read = await server.database('notifications_two');
    await appendSubscription(events.store, 'market', receiver.url, 'market-secret-0123456789');
    const env = {
      EVENT_STORE_URL: events.url,
      MONGODB_URI: `${server.uri.replace(/\/$/, '')}/${read.db.databaseName}`,
      NOTIFICATIONS_POLL_MS: '50',
      NOTIFICATIONS_SWEEP_MS: '200',
      NOTIFICATIONS_BACKOFF_BASE_MS: '50',
      // The default timeout: with 2 s, a child starved of CPU on a loaded machine could time out a
      // request that had reached the receiver and send it again (at-least-once, not a race; one
      // suspected cause of a CI failure, never reproduced).
      NOTIFICATIONS_TIMEOUT_MS: '10000',
      // The receiver listens on 127.0.0.1 (E2's SSRF guard refuses it unless allowed).
      NOTIFICATIONS_ALLOW_PRIVATE_HOSTS: 'on',
    };
    for (let i = 0; i < 2; i++) {
      const child = startChild('test/notifications/support/notifier-child.ts', [], env);
      children.push(child);
      await child.waitFor(/notifier ready/);
    }
    await appendCards(events.store, CARDS, 'two');
    await eventually(
      () => new Set(receiver.requests.map((r) => r.notificationId)).size === CARDS,
      60_000,
      'every card',
    );
    await new Promise((r) => setTimeout(r, 1_000));
    // A healthy receiver: no attempt failed (each would be sent again), nothing came twice.
    const failedAttempts = children.flatMap((c) =>
      c
        .output()
        .split('\n')
        .filter((line) => line.includes('attempt failed')),
    );
    expect({ requests: receiver.requests.length, failedAttempts }).toEqual({
      requests: CARDS,
      failedAttempts: [],
    });
    const counts = children.map((c) =>
      Number(/delivered (\d+)\n(?![\s\S]*delivered)/.exec(c.output())?.[1] ?? 0),
    );
    expect(counts.reduce((a, b) => a + b, 0)).toBe(CARDS);
    const deliveries = read.db.collection(NOTIFICATION_COLLECTIONS.deliveries);
    expect(await deliveries.countDocuments({ status: 'delivered' })).toBe(CARDS);
    // Both processes took part: each claimed and delivered some of them.
    expect(counts.every((n) => n > 0)).toBe(true);
  });
});
