/**
 * Delivery (E2): one lane per subscription, each with its own queue and at most `concurrency`
 * requests in flight, so a slow or dead receiver only fills its own lane — never the others', nor
 * the notifier's or the projector's (all of it is asynchronous I/O). Each attempt is first claimed
 * (DeliveryLedger.claim: an insert of the attempt's id, atomic, with a lease), so two processes never
 * send it at once and a delivered one is never sent again. Deliveries this process did not create (another process's,
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
  /** Failed attempts in a row: while any, one request at a time, after the lane's own backoff. */
  failures: number;
  pausedUntilMs: number;
  resume?: NodeJS.Timeout;
  givingUp: boolean;
}

/** Notifications kept from the notifier's writes, so an attempt need not read them back. */
const CACHED_NOTIFICATIONS = 20_000;

export class Dispatcher {
  private readonly ledger: DeliveryLedger;
  private readonly notifications: Collection<NotificationDocument>;
  private readonly lanes = new Map<string, Lane>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();
  private readonly cache = new Map<string, NotificationDocument>();
  /** Deliveries this process finished, and when: a sweep begun before then found them stale. */
  private readonly finished = new Map<string, number>();
  private sweeping: Promise<void> | undefined;
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
      this.sweeping = this.sweep().finally(() => {
        if (!this.stopped) this.sweepTimer = setTimeout(sweep, this.settings.sweepMs);
      });
    };
    sweep();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sweepTimer);
    for (const t of this.timers) clearTimeout(t);
    for (const lane of this.lanes.values()) clearTimeout(lane.resume);
    this.timers.clear();
    await Promise.allSettled([...this.running, this.sweeping]);
  }

  offer(
    deliveries: readonly Pick<DeliveryDocument, '_id' | 'subscriptionId'>[],
    notifications: readonly NotificationDocument[] = [],
  ): void {
    for (const n of notifications) this.cache.set(n._id, n);
    for (const key of this.cache.keys()) {
      if (this.cache.size <= CACHED_NOTIFICATIONS) break;
      this.cache.delete(key);
    }
    for (const d of deliveries) this.enqueue(d.subscriptionId, d._id);
  }

  /** The deliveries waiting in this process's lanes, by subscription (the bench's backlog). */
  backlog(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [id, lane] of this.lanes) out[id] = lane.queued.size;
    return out;
  }

  private async sweep(): Promise<void> {
    const startedAt = Date.now();
    try {
      const unfinished = await this.ledger.unfinished();
      // Finished here while the sweep read: what it found is stale (saves a claim each).
      this.offer(unfinished.filter((d) => (this.finished.get(d._id) ?? 0) < startedAt));
    } catch (error) {
      if (!this.stopped) this.logger.warn({ err: error }, 'notifications: sweep failed; will retry');
    }
    for (const [id, at] of this.finished) if (at < startedAt) this.finished.delete(id);
  }

  /**
   * E2: while a receiver fails, its lane sends one probe per backoff, so the deliveries queued behind
   * it are not each attempted; those whose 24 hours have passed are set aside as undeliverable.
   */
  private async giveUpOverdue(subscriptionId: string, lane: Lane, error: string): Promise<void> {
    if (lane.givingUp) return;
    lane.givingUp = true;
    try {
      await this.ledger.giveUpOverdue(subscriptionId, Date.now(), `receiver failing: ${error}`);
    } catch (failure) {
      this.logger.warn({ err: failure }, 'notifications: setting aside overdue deliveries failed');
    } finally {
      lane.givingUp = false;
    }
  }

  private lane(subscriptionId: string): Lane {
    let lane = this.lanes.get(subscriptionId);
    if (!lane) {
      lane = { ready: [], queued: new Set(), inFlight: 0, failures: 0, pausedUntilMs: 0, givingUp: false };
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
    const wait = lane.pausedUntilMs - Date.now();
    if (wait > 0) {
      // A failing receiver: its lane waits, and then probes with one request (the others' lanes go on).
      if (lane.resume === undefined && !this.stopped)
        lane.resume = setTimeout(() => {
          lane.resume = undefined;
          this.pump(subscriptionId, lane);
        }, wait);
      return;
    }
    const limit = lane.failures > 0 ? 1 : this.settings.concurrency;
    while (!this.stopped && lane.inFlight < limit && lane.ready.length > 0) {
      const id = lane.ready.shift()!;
      lane.inFlight++;
      const attempt = this.attempt(subscriptionId, id, lane)
        .catch((error: unknown) => {
          this.logger.warn(
            { err: error, deliveryId: id },
            'notifications: attempt failed; swept again later',
          );
        })
        .finally(() => {
          lane.inFlight--;
          lane.queued.delete(id);
          this.finished.set(id, Date.now());
          this.running.delete(attempt);
          this.pump(subscriptionId, lane);
        });
      this.running.add(attempt);
    }
  }

  private async attempt(subscriptionId: string, id: string, lane: Lane): Promise<void> {
    const { owner, leaseMs, timeoutMs, backoff } = this.settings;
    const claim = await this.ledger.claim(id, owner, Date.now(), leaseMs);
    // Not due, finished, or held by another process: look again when it could be due.
    if (claim.kind === 'not_due') {
      if (claim.delivery?.status === 'pending')
        this.later(subscriptionId, id, claim.delivery.nextAttemptAtMs);
      return;
    }
    if (claim.kind === 'held') {
      this.later(subscriptionId, id, claim.untilMs);
      return;
    }
    const claimed = claim.delivery;
    const subscription = this.directory.get(subscriptionId);
    const notification =
      this.cache.get(claimed.notificationId) ??
      (await this.notifications.findOne({ _id: claimed.notificationId }));
    const outcome =
      subscription === undefined || notification === null
        ? { ok: false as const, error: 'subscription or notification not known here yet' }
        : await this.channels[subscription.channel].deliver(payloadOf(notification), subscription, timeoutMs);
    if (outcome.ok) {
      lane.failures = 0;
      await this.ledger.delivered(claimed, Date.now());
      this.delivered++;
      return;
    }
    lane.failures++;
    lane.pausedUntilMs = Date.now() + backoffDelay(lane.failures, backoff);
    void this.giveUpOverdue(subscriptionId, lane, outcome.error);
    const retryAt = Date.now() + backoffDelay(claimed.attempts + 1, backoff);
    const status = await this.ledger.failed(claimed, outcome.error, retryAt);
    // Each failed attempt is told (E2): a receiver that got a request it could not answer in time
    // gets it again, and its operator asks why. The reason is a code or a status, never a body.
    const told = { deliveryId: id, attempts: claimed.attempts + 1, error: outcome.error };
    if (status === 'pending') {
      this.logger.warn(
        { ...told, retryAt: new Date(retryAt).toISOString() },
        'notification attempt failed (E2)',
      );
      this.later(subscriptionId, id, retryAt);
    } else if (status === 'undeliverable') this.logger.warn(told, 'notification undeliverable (E2)');
  }
}
