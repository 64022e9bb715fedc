import type { ReadAllOptions, ReadAllPage, RecordedEvent, SubscribeOptions } from '../event-store.port.js';
import { comparePositions, type Position } from '../position.js';
import type { SqlDatabase } from './sql-database.js';
import { SubscriberWakeUps } from './subscriber-wake-ups.js';

const NOTIFY_CHANNEL = 'es_events';
/** First delay before reading again when an announced event is still behind the reading horizon. */
const HORIZON_RETRY_MS = 10;
/** At most one NOTIFY per interval from this process (the first of a quiet spell goes at once). */
const NOTIFY_INTERVAL_MS = 10;

/** What the live side needs of the store. */
export interface LiveSource {
  readAll(fromPosition: Position, options: ReadAllOptions): Promise<ReadAllPage>;
  isClosed(): boolean;
}

/**
 * The store's live side: subscriptions that read on past the end of the log, and the wake-ups
 * appends send them (at once in this process, by NOTIFY to others; see postgres-event-store.ts).
 */
export class PostgresSubscriptions {
  private readonly wakeUps: SubscriberWakeUps;
  private notifyWanted = false;
  private notifying: Promise<void> | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly source: LiveSource,
    private readonly pollIntervalMs: number,
  ) {
    this.wakeUps = new SubscriberWakeUps(db, NOTIFY_CHANNEL);
  }

  /**
   * Catch-up and live are one loop over `readAll`, so the switch between them cannot open a gap:
   * a page that is not full means "caught up", and the next page starts where it ended.
   */
  async *subscription(fromPosition: Position, options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    const { signal, filter, batchSize } = options;
    const waiter = await this.wakeUps.register();
    let horizonRetryMs = HORIZON_RETRY_MS;
    try {
      let position = fromPosition;
      while (!this.source.isClosed() && !signal?.aborted) {
        waiter.clear();
        let page: ReadAllPage;
        try {
          // An unset batchSize takes readAll's default.
          page = await this.source.readAll(position, { filter, batchSize });
        } catch (error) {
          if (this.source.isClosed()) return;
          throw error;
        }
        for (const event of page.events) {
          if (this.source.isClosed() || signal?.aborted) return;
          yield event;
        }
        position = page.nextPosition;
        if (!page.caughtUp) continue;
        const announced = this.wakeUps.latestAnnounced;
        if (announced !== undefined && comparePositions(announced, position) > 0) {
          // An announced event is not readable yet: look again soon, backing off while it lasts.
          await waiter.wait(horizonRetryMs, signal);
          horizonRetryMs = Math.min(horizonRetryMs * 2, this.pollIntervalMs);
        } else {
          horizonRetryMs = HORIZON_RETRY_MS;
          await waiter.wait(this.pollIntervalMs, signal);
        }
      }
    } finally {
      await waiter.release();
    }
  }

  /**
   * Wakes this process's subscribers now, and other processes' with a NOTIFY: one at a time and at
   * most one per NOTIFY_INTERVAL_MS, so appends that commit meanwhile share the next one.
   */
  announceAppend(position: Position): void {
    this.wakeUps.wakeAll(position);
    const notify = this.db.notify;
    if (!notify) return;
    this.notifyWanted = true;
    this.notifying ??= this.sendNotifications(notify).finally(() => {
      this.notifying = undefined;
    });
  }

  /** Ends every subscription and waits for the NOTIFY under way; call once the store is closed. */
  async stop(): Promise<void> {
    await this.wakeUps.stop();
    await this.notifying;
  }

  private async sendNotifications(
    notify: (channel: string, payload: string) => Promise<void>,
  ): Promise<void> {
    while (this.notifyWanted && !this.source.isClosed()) {
      this.notifyWanted = false;
      const sent = Date.now();
      // A lost NOTIFY only delays other processes until their next poll.
      await notify(NOTIFY_CHANNEL, this.wakeUps.latestAnnounced ?? '').catch(() => undefined);
      // Each NOTIFY is a transaction of its own with a commit to flush: under a stream of appends,
      // one per interval wakes other processes just as well.
      const wait = sent + NOTIFY_INTERVAL_MS - Date.now();
      if (wait > 0 && this.notifyWanted) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
