/**
 * A projector process's notifier, for the multi-process suite: delivers from EVENT_STORE_URL and
 * MONGODB_URI with the NOTIFICATIONS_* settings of its environment until SIGTERM; prints
 * `notifier ready`, then `delivered <n>` whenever its count changes.
 */
import { pino } from 'pino';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import { connectReadStore } from '#infra/read-store/read-store.js';
import { loadNotificationSettings } from '../../../apps/projector/src/notifications/notification-settings.js';
import { startNotifications } from '../../../apps/projector/src/notifications/start-notifications.js';

const store = await createEventStore(process.env.EVENT_STORE_URL, { pollIntervalMs: 50 });
const read = await connectReadStore(process.env.MONGODB_URI!);
const notifications = await startNotifications(store, read.db, {
  logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
  settings: loadNotificationSettings(process.env),
});
process.stdout.write('notifier ready\n');
let reported = -1;
const timer = setInterval(() => {
  if (notifications.dispatcher.delivered === reported) return;
  reported = notifications.dispatcher.delivered;
  process.stdout.write(`delivered ${reported}\n`);
}, 100);
process.once('SIGTERM', () => {
  void (async () => {
    clearInterval(timer);
    await notifications.stop();
    await read.close();
    await store.close();
    process.exit(0);
  })();
});
