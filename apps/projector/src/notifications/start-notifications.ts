/**
 * The notifier and its dispatcher, in the projector's process (DESIGN.md "Notifications"):
 *
 *   const notifications = await startNotifications(store, db, { logger, settings });
 *   await notifications.stop();
 *
 * Independent of the projection runner: its own reading, checkpoint and collections.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { TencentSmsChannel } from './channels/tencent-sms-channel.js';
import type { NotificationChannel } from './channels/notification-channel.port.js';
import { WebhookChannel } from './channels/webhook-channel.js';
import { SubscriptionDirectory } from '#infra/notifications/subscription-directory.js';
import { Dispatcher } from './dispatcher.js';
import { DEFAULT_NOTIFICATION_SETTINGS, type NotificationSettings } from './notification-settings.js';
import { Notifier } from './notifier.js';

export interface StartNotificationsOptions {
  readonly logger: Logger;
  readonly settings?: Partial<NotificationSettings>;
  /** Replaces the adapters (never in production; the tests use the real ones). */
  readonly channels?: Partial<Record<'webhook' | 'sms', NotificationChannel>>;
}

export interface RunningNotifications {
  readonly notifier: Notifier;
  readonly dispatcher: Dispatcher;
  stop(): Promise<void>;
}

export async function startNotifications(
  store: EventStore,
  db: Db,
  options: StartNotificationsOptions,
): Promise<RunningNotifications> {
  const settings = { ...DEFAULT_NOTIFICATION_SETTINGS, ...options.settings };
  const logger = options.logger.child({ component: 'notifications' });
  const directory = new SubscriptionDirectory();
  const dispatcher = new Dispatcher(
    db,
    directory,
    {
      webhook:
        options.channels?.webhook ?? new WebhookChannel({ allowPrivateHosts: settings.allowPrivateHosts }),
      sms: options.channels?.sms ?? new TencentSmsChannel(Date.now, settings.allowPrivateHosts),
    },
    {
      owner: `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`,
      concurrency: settings.concurrency,
      timeoutMs: settings.timeoutMs,
      backoff: { baseMs: settings.backoffBaseMs, maxMs: settings.backoffMaxMs },
      leaseMs: settings.timeoutMs * 2 + 5_000,
      sweepMs: settings.sweepMs,
    },
    logger,
  );
  const notifier = new Notifier(
    store,
    db,
    directory,
    logger,
    (created, written) => dispatcher.offer(created, written),
    {
      pollMs: settings.pollMs,
      retryWindowMs: settings.retryWindowMs,
    },
  );
  await notifier.start();
  dispatcher.start();
  return {
    notifier,
    dispatcher,
    async stop() {
      await notifier.stop();
      await dispatcher.stop();
    },
  };
}

/** The entry points' wiring: started unless NOTIFICATIONS=off. */
export async function startConfiguredNotifications(
  store: EventStore,
  db: Db,
  logger: Logger,
  settings: NotificationSettings,
): Promise<RunningNotifications | undefined> {
  if (!settings.enabled) return undefined;
  return startNotifications(store, db, { logger, settings });
}
