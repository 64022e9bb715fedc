import { isPosition, laterPosition, type Position } from '../position.js';
import type { SqlDatabase, StopListening } from './sql-database.js';

/** One subscription's side of the wake-ups. */
export interface WakeUpWaiter {
  /** Forget wake-ups seen so far: call before reading, so one arriving during the read is kept. */
  clear(): void;
  /** Resolves at the next wake-up (at once if one came since `clear`), after `timeoutMs`, or on abort. */
  wait(timeoutMs: number, signal?: AbortSignal): Promise<void>;
  release(): Promise<void>;
}

/**
 * Wakes live subscribers when events may have been recorded: at once after an append in this
 * process, on NOTIFY from other processes (one LISTEN connection for all of this store's
 * subscribers, opened with the first and closed with the last), and on a timer as the fallback
 * when a notification is lost or the LISTEN connection is down.
 *
 * A wake-up carries the position of the append that caused it (a NOTIFY's payload), so a
 * subscriber knows when an event it has been told of is not yet readable (an older transaction,
 * in any database of the server, still holds the reading horizon back) and looks again soon
 * rather than at the next poll.
 */
export class SubscriberWakeUps {
  private readonly waiters = new Set<Waiter>();
  private listening: Promise<StopListening | undefined> | undefined;
  private stopped = false;
  private latest: Position | undefined;

  constructor(
    private readonly db: SqlDatabase,
    private readonly channel: string,
  ) {}

  async register(): Promise<WakeUpWaiter> {
    const waiter = new Waiter(() => this.ensureListening());
    this.waiters.add(waiter);
    // Wait until LISTEN is in place, so a NOTIFY right after the first read is not missed.
    await this.ensureListening();
    return {
      clear: () => waiter.clear(),
      wait: (timeoutMs, signal) => waiter.wait(timeoutMs, signal),
      release: () => this.release(waiter),
    };
  }

  /** The latest position a wake-up announced (undefined before the first). */
  get latestAnnounced(): Position | undefined {
    return this.latest;
  }

  wakeAll(position?: Position): void {
    if (position !== undefined && isPosition(position)) {
      this.latest = this.latest === undefined ? position : laterPosition(this.latest, position);
    }
    for (const waiter of this.waiters) waiter.wake();
  }

  /** Wakes every subscriber (they see the store closed and end) and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAll();
    await this.stopListening();
  }

  private async release(waiter: Waiter): Promise<void> {
    waiter.wake();
    this.waiters.delete(waiter);
    if (this.waiters.size === 0) await this.stopListening();
  }

  private ensureListening(): Promise<unknown> {
    const listen = this.db.listen;
    if (!listen || this.stopped || this.listening || this.waiters.size === 0)
      return this.listening ?? Promise.resolve();
    const attempt: Promise<StopListening | undefined> = listen(
      this.channel,
      (payload) => this.wakeAll(payload),
      () => {
        // The LISTEN connection died: re-read now, poll meanwhile, listen again at the next wait.
        if (this.listening === attempt) this.listening = undefined;
        this.wakeAll();
      },
    ).catch(() => {
      if (this.listening === attempt) this.listening = undefined;
      return undefined;
    });
    this.listening = attempt;
    return attempt;
  }

  private async stopListening(): Promise<void> {
    const listening = this.listening;
    this.listening = undefined;
    const stop = await listening;
    await stop?.();
  }
}

class Waiter {
  private pending = false;
  private resolveWait: (() => void) | undefined;

  constructor(private readonly beforeWait: () => unknown) {}

  clear(): void {
    this.pending = false;
  }

  wake(): void {
    this.pending = true;
    this.resolveWait?.();
  }

  wait(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.pending || signal?.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    void this.beforeWait();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        this.resolveWait = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done, { once: true });
      this.resolveWait = done;
    });
  }
}
