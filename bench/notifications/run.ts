/**
 * `npm run bench:notifications` (issue 15, E2): 10,000 yellow cards, each to three webhook
 * subscriptions: a healthy receiver, one that answers after 2 s, and one that refuses connections.
 * Prints the notifier's outbox rate, the notifications per second the healthy receiver got, and the
 * backlog of the other two when the healthy one has them all: the slow and dead lanes must not hold
 * it back. Event store: embedded PGlite in a temporary folder; read store: a local FerretDB
 * (MONGODB_BENCH_URI: a MongoDB instead). BENCH_CARDS changes the number of cards. Last line: JSON.
 *
 * The settings are the defaults (NOTIFICATIONS_*: 4 requests in flight per subscription, 10 s
 * timeout, backoff from 1 s), so the slow lane delivers at most 4 / 2 s = 2 a second.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import {
  NOTIFICATION_COLLECTIONS,
  type DeliveryDocument,
} from '#infra/notifications/notification-documents.js';
import { freeTcpPort } from '#infra/read-store/ferretdb/free-tcp-port.js';
import { startLocalFerretDb } from '#infra/read-store/ferretdb/start-local-ferretdb.js';
import { connectReadStore } from '#infra/read-store/read-store.js';
import { DEFAULT_NOTIFICATION_SETTINGS } from '../../apps/projector/src/notifications/notification-settings.js';
import { startNotifications } from '../../apps/projector/src/notifications/start-notifications.js';
import { startWebhookReceiver } from './webhook-receiver.js';
import { appendCards, appendSubscription } from './yellow-cards.js';

const CARDS = Number(process.env.BENCH_CARDS ?? 10_000);
/** `healthy` alone gives the baseline the healthy receiver's rate is compared with. */
const ONLY_HEALTHY = process.env.BENCH_SUBSCRIPTIONS === 'healthy';
async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-notifications-'));
  const given = process.env.MONGODB_BENCH_URI?.trim() || undefined;
  const ferret = given
    ? undefined
    : await startLocalFerretDb({ dataDir: join(dir, 'ferretdb'), reuseRunning: false });
  const read = await connectReadStore(given ?? ferret!.uri, `bench_notifications_${Date.now()}`);
  const store = await createEventStore(`pglite://${join(dir, 'events')}`);
  const healthy = await startWebhookReceiver(() => ({ status: 200 }));
  const slow = await startWebhookReceiver(() => ({ status: 200, delayMs: 2_000 }));
  const refusingUrl = `http://127.0.0.1:${await freeTcpPort()}/hooks`;
  try {
    const subscriptions = ONLY_HEALTHY
      ? { healthy: healthy.url }
      : { healthy: healthy.url, slow: slow.url, refusing: refusingUrl };
    for (const [id, url] of Object.entries(subscriptions))
      await appendSubscription(store, id, url, `${id}-secret-0123456789`);
    let t = Date.now();
    await appendCards(store, CARDS);
    console.log(
      `appended ${CARDS} cases with a yellow card each in ${((Date.now() - t) / 1000).toFixed(1)} s`,
    );

    // The receivers listen on 127.0.0.1, which the SSRF guard refuses unless allowed (E2).
    const settings = { ...DEFAULT_NOTIFICATION_SETTINGS, allowPrivateHosts: true };
    t = Date.now();
    const notifications = await startNotifications(store, read.db, {
      logger: pino({ level: 'warn' }),
      settings,
    });
    let outboxSeconds = 0;
    void notifications.notifier.whenCaughtUp().then(() => (outboxSeconds = (Date.now() - t) / 1000));
    let lastPrint = Date.now();
    while (healthy.requests.length < CARDS) {
      await new Promise((r) => setTimeout(r, 100));
      if (Date.now() - lastPrint > 5_000) {
        lastPrint = Date.now();
        console.log(
          `  ${((Date.now() - t) / 1000).toFixed(0)} s: healthy ${healthy.requests.length}, slow ${slow.requests.length}, lanes ${JSON.stringify(notifications.dispatcher.backlog())}`,
        );
      }
    }
    const healthySeconds = (Date.now() - t) / 1000;
    if (outboxSeconds === 0) {
      await notifications.notifier.whenCaughtUp();
      outboxSeconds = (Date.now() - t) / 1000;
    }
    const deliveries = read.db.collection<DeliveryDocument>(NOTIFICATION_COLLECTIONS.deliveries);
    const count = async (subscriptionId: string, status: DeliveryDocument['status']) =>
      deliveries.countDocuments({ subscriptionId, status });
    const backlog = {
      slow: {
        delivered: await count('slow', 'delivered'),
        waiting: CARDS - (await count('slow', 'delivered')),
      },
      refusing: {
        delivered: await count('refusing', 'delivered'),
        waiting: CARDS - (await count('refusing', 'delivered')),
        attempted: await deliveries.countDocuments({ subscriptionId: 'refusing', attempts: { $gt: 0 } }),
      },
    };
    const duplicates = healthy.requests.length - new Set(healthy.requests.map((r) => r.notificationId)).size;
    await notifications.stop();
    const result = {
      cards: CARDS,
      subscriptions: Object.keys(subscriptions),
      outboxNotificationsPerSec: Math.round(CARDS / outboxSeconds),
      healthyNotificationsPerSec: Math.round(CARDS / healthySeconds),
      healthySeconds: Number(healthySeconds.toFixed(1)),
      healthyDuplicates: duplicates,
      // null in the baseline run, which has no slow or refusing subscription.
      slowDelivered: ONLY_HEALTHY ? null : backlog.slow.delivered,
      slowBacklog: ONLY_HEALTHY ? null : backlog.slow.waiting,
      refusingDelivered: ONLY_HEALTHY ? null : backlog.refusing.delivered,
      refusingBacklog: ONLY_HEALTHY ? null : backlog.refusing.waiting,
      refusingAttempted: ONLY_HEALTHY ? null : backlog.refusing.attempted,
      concurrencyPerSubscription: settings.concurrency,
      timeoutMs: settings.timeoutMs,
    };
    console.log(
      `outbox: ${CARDS} notifications and ${CARDS * Object.keys(subscriptions).length} deliveries written in ${outboxSeconds.toFixed(1)} s`,
    );
    console.log(
      `healthy receiver: ${CARDS} in ${healthySeconds.toFixed(1)} s = ${result.healthyNotificationsPerSec}/s, ${duplicates} duplicates`,
    );
    console.log(`slow receiver (2 s): ${backlog.slow.delivered} delivered, ${backlog.slow.waiting} waiting`);
    console.log(
      `refusing receiver: ${backlog.refusing.delivered} delivered, ${backlog.refusing.waiting} waiting (${backlog.refusing.attempted} tried at least once, then backing off)`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await healthy.close();
    await slow.close();
    await store.close();
    await read.close();
    await ferret?.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
