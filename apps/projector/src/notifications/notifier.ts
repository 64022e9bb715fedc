/**
 * The notifier (E1, E2; DESIGN.md "Notifications"): reads the events that give rise to
 * notifications, and the subscriptions, with its own checkpoint (`notifier_checkpoints`), and writes
 * the outbox. It depends on nothing of the projection runner: a rebuild of the read models neither
 * moves its checkpoint nor touches its collections, and should its checkpoint be lost the stable ids
 * make a replay write nothing new.
 */
import type { Collection, Db } from 'mongodb';
import type { Logger } from 'pino';
import { caseFactsOf } from '#domain/notification/case-facts.js';
import { NOTIFIABLE_EVENT_TYPES, notificationsOf } from '#domain/notification/notifications-of.js';
import { subscriptionMatches, type NotificationSubscription } from '#domain/notification/subscription.js';
import { caseIdOf, caseStateOf, toCaseEvent } from '#infra/case-stream/case-stream.js';
import {
  comparePositions,
  START,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import { notificationId } from '#infra/notifications/notification-id.js';
import {
  deliveryId,
  NOTIFICATION_COLLECTIONS,
  type DeliveryDocument,
  type NotificationDocument,
} from '#infra/notifications/notification-documents.js';
import {
  SUBSCRIPTION_EVENT_TYPE,
  SubscriptionDirectory,
} from '#infra/notifications/subscription-directory.js';
import { OutboxWriter } from './outbox-writer.js';

interface NotifierCheckpoint {
  readonly _id: string;
  readonly position: Position;
  /** The subscriptions folded up to `position`, as one JSON string (FerretDB decodes per value). */
  readonly subscriptionsJson: string;
}

const CHECKPOINT_ID = 'notifier';

export interface NotifierOptions {
  /** How long to wait after a read found nothing new; default 500 ms. */
  readonly pollMs?: number;
  readonly batchSize?: number;
  /** E2: how long a notification is retried before it is undeliverable; default 24 h. */
  readonly retryWindowMs: number;
  readonly now?: () => number;
}

export class Notifier {
  private readonly checkpoints: Collection<NotifierCheckpoint>;
  private readonly outbox: OutboxWriter;
  private position: Position = START;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly waiters: (() => void)[] = [];

  constructor(
    private readonly store: EventStore,
    db: Db,
    readonly directory: SubscriptionDirectory,
    private readonly logger: Logger,
    private readonly offer: (
      created: readonly DeliveryDocument[],
      notifications: readonly NotificationDocument[],
    ) => void,
    private readonly options: NotifierOptions,
  ) {
    this.checkpoints = db.collection<NotifierCheckpoint>(NOTIFICATION_COLLECTIONS.checkpoints);
    this.outbox = new OutboxWriter(db);
  }

  async start(): Promise<void> {
    const saved = await this.checkpoints.findOne({ _id: CHECKPOINT_ID });
    if (saved) {
      this.position = saved.position;
      const subscriptions: NotificationSubscription[] = JSON.parse(saved.subscriptionsJson);
      this.directory.restore(subscriptions);
    }
    this.loop = this.run();
  }

  /** Resolves once a read begun after the call found nothing newer (tests, the bench). */
  whenCaughtUp(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    let backoffMs = 100;
    while (!signal.aborted) {
      try {
        const waiting = this.waiters.splice(0);
        const caughtUp = await this.step();
        backoffMs = 100;
        if (caughtUp) {
          for (const resolve of waiting) resolve();
          await sleep(this.options.pollMs ?? 500, signal);
        } else this.waiters.unshift(...waiting);
      } catch (error) {
        this.logger.warn({ err: error }, 'notifier: reading or writing failed; will retry');
        await sleep(backoffMs, signal);
        backoffMs = Math.min(backoffMs * 2, 10_000);
      }
    }
  }

  /** One page: fold subscriptions, write the outbox for the notifiable events, save the checkpoint. */
  private async step(): Promise<boolean> {
    const page = await this.store.readAll(this.position, {
      filter: { eventTypes: [...NOTIFIABLE_EVENT_TYPES, SUBSCRIPTION_EVENT_TYPE] },
      batchSize: this.options.batchSize ?? 500,
    });
    const notifications: NotificationDocument[] = [];
    const deliveries: DeliveryDocument[] = [];
    const now = (this.options.now ?? Date.now)();
    for (const event of page.events) {
      if (this.directory.apply(event)) continue;
      for (const n of await this.notificationsOf(event, now)) {
        notifications.push(n);
        for (const s of this.directory.all())
          if (subscriptionMatches(s, n)) deliveries.push(this.delivery(n, s, now));
      }
    }
    const created = await this.outbox.write(notifications, deliveries);
    if (created.length > 0) this.offer(created, notifications);
    if (comparePositions(page.nextPosition, this.position) > 0) {
      this.position = page.nextPosition;
      await this.saveCheckpoint();
    }
    return page.caughtUp;
  }

  /** E1: the event's notifications, from the case's facts as of the event (U4). */
  private async notificationsOf(event: RecordedEvent, now: number): Promise<NotificationDocument[]> {
    const caseId = caseIdOf(event);
    if (caseId === undefined) return [];
    const upToEvent = (await this.store.readStream(event.streamId)).filter(
      (e) => e.revision <= event.revision,
    );
    const facts = caseFactsOf(caseStateOf(upToEvent));
    if (facts === undefined) return [];
    return notificationsOf(toCaseEvent(event), facts).map((content) => ({
      _id: notificationId(event.eventId, content.kind),
      ...content,
      eventId: event.eventId,
      position: event.position,
      createdAtMs: now,
    }));
  }

  private delivery(n: NotificationDocument, s: NotificationSubscription, now: number): DeliveryDocument {
    return {
      _id: deliveryId(n._id, s.subscriptionId),
      notificationId: n._id,
      subscriptionId: s.subscriptionId,
      kind: n.kind,
      caseId: n.caseId,
      status: 'pending',
      attempts: 0,
      round: 0,
      nextAttemptAtMs: now,
      giveUpAtMs: now + this.options.retryWindowMs,
      retryWindowMs: this.options.retryWindowMs,
    };
  }

  private async saveCheckpoint(): Promise<void> {
    const document = { position: this.position, subscriptionsJson: JSON.stringify(this.directory.all()) };
    try {
      // Only forward: a second notifier behind this one never moves the checkpoint back.
      await this.checkpoints.updateOne(
        { _id: CHECKPOINT_ID, position: { $lt: this.position } },
        { $set: document },
        { upsert: true },
      );
    } catch (error) {
      // The upsert of a checkpoint already ahead collides with it: nothing to save.
      if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 11000))
        throw error;
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', done);
      resolve();
    }, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
  });
}
