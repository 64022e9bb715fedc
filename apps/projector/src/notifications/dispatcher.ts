/**
 * Delivery (E2): one lane per subscription, each with its own queue and at most `concurrency`
 * requests in flight, so a slow or dead receiver only fills its own lane — never the others', nor
 * the notifier's or the projector's (all of it is asynchronous I/O). Each attempt first claims the
 * delivery (DeliveryLedger.claim: atomic, with a lease), so two processes never send it at once and
 * a delivered one is never sent again. Deliveries this process did not create (another process's,
 * a crashed holder's, an admin's redelivery) are found by a sweep every `sweepMs`.
 */
import type { Collection, Db } from 'mongodb';
import type { Logger } from 'pino';
import { DeliveryLedger } from '#infra/notifications/delivery-ledger.js';
import {
  NOTIFICATION_COLLECTIONS,
  type DeliveryDocument,
  type NotificationDocument,
} from '#infra/notifications/notification-documents.js';
import type { SubscriptionDirectory } from '#infra/notifications/subscription-directory.js';
import { backoffDelay, type BackoffSettings } from './backoff.js';
import { payloadOf, type NotificationChannel } from './channels/notification-channel.port.js';

export interface DispatcherSettings {
  readonly owner: string;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly backoff: BackoffSettings;
  /** How long a claim holds a delivery; longer than the timeout. */
  readonly leaseMs: number;
  readonly sweepMs: number;
}

interface Lane {
  readonly ready: string[];
  readonly queued: Set<string>;
  inFlight: number;
}

export class Dispatcher {
  private readonly ledger: DeliveryLedger;
  private readonly notifications: Collection<NotificationDocument>;
  private readonly lanes = new Map<string, Lane>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  /** Deliveries acknowledged by receivers, by this process (the bench reads it). */
  delivered = 0;

  constructor(
    db: Db,
    private readonly directory: SubscriptionDirectory,
    private readonly channels: Record<'webhook' | 'sms', NotificationChannel>,
    private readonly settings: DispatcherSettings,
    private readonly logger: Logger,
  ) {
    this.ledger = new DeliveryLedger(db);
    this.notifications = db.collection<NotificationDocument>(NOTIFICATION_COLLECTIONS.notifications);
  }

  start(): void {
    const sweep = (): void => {
      void this.sweep().finally(() => {
        if (!this.stopped) this.sweepTimer = setTimeout(sweep, this.settings.sweepMs);
      });
    };
    sweep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  offer(deliveries: readonly Pick<DeliveryDocument, '_id' | 'subscriptionId'>[]): void {
    for (const d of deliveries) this.enqueue(d.subscriptionId, d._id);
  }

  /** The deliveries waiting in this process's lanes, by subscription (the bench's backlog). */
  backlog(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [id, lane] of this.lanes) out[id] = lane.queued.size;
    return out;
  }

  private async sweep(): Promise<void> {
    try {
      this.offer(await this.ledger.unfinished());
    } catch (error) {
      this.logger.warn({ err: error }, 'notifications: sweep failed; will retry');
    }
  }

  private lane(subscriptionId: string): Lane {
    let lane = this.lanes.get(subscriptionId);
    if (!lane) {
      lane = { ready: [], queued: new Set(), inFlight: 0 };
      this.lanes.set(subscriptionId, lane);
    }
    return lane;
  }

  private enqueue(subscriptionId: string, id: string): void {
    if (this.stopped) return;
    const lane = this.lane(subscriptionId);
    if (lane.queued.has(id)) return;
    lane.queued.add(id);
    lane.ready.push(id);
    this.pump(subscriptionId, lane);
  }

  private later(subscriptionId: string, id: string, atMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.enqueue(subscriptionId, id);
      },
      Math.max(0, atMs - Date.now()),
    );
    this.timers.add(timer);
  }

  private pump(subscriptionId: string, lane: Lane): void {
    while (!this.stopped && lane.inFlight < this.settings.concurrency && lane.ready.length > 0) {
      const id = lane.ready.shift()!;
      lane.inFlight++;
      const attempt = this.attempt(subscriptionId, id)
        .catch((error: unknown) => {
          this.logger.warn(
            { err: error, deliveryId: id },
            'notifications: attempt failed; swept again later',
          );
        })
        .finally(() => {
          lane.inFlight--;
          lane.queued.delete(id);
          this.running.delete(attempt);
          this.pump(subscriptionId, lane);
        });
      this.running.add(attempt);
    }
  }

  private async attempt(subscriptionId: string, id: string): Promise<void> {
    const { owner, leaseMs, timeoutMs, backoff } = this.settings;
    const claimed = await this.ledger.claim(id, owner, Date.now(), leaseMs);
    if (!claimed) {
      // Not due, held by another process, or finished: look again when it could be due.
      const current = await this.ledger.get(id);
      if (current?.status === 'pending') this.later(subscriptionId, id, current.nextAttemptAtMs);
      else if (current?.status === 'delivering')
        this.later(subscriptionId, id, current.leaseUntilMs ?? Date.now());
      return;
    }
    const subscription = this.directory.get(subscriptionId);
    const notification = await this.notifications.findOne({ _id: claimed.notificationId });
    const outcome =
      subscription === undefined || notification === null
        ? { ok: false as const, error: 'subscription or notification not known here yet' }
        : await this.channels[subscription.channel].deliver(payloadOf(notification), subscription, timeoutMs);
    if (outcome.ok) {
      if (await this.ledger.delivered(claimed, owner, Date.now())) this.delivered++;
      return;
    }
    const retryAt = Date.now() + backoffDelay(claimed.attempts + 1, backoff);
    const status = await this.ledger.failed(claimed, owner, outcome.error, retryAt);
    if (status === 'pending') this.later(subscriptionId, id, retryAt);
    else if (status === 'undeliverable')
      this.logger.warn({ deliveryId: id, attempts: claimed.attempts + 1 }, 'notification undeliverable (E2)');
  }
}
