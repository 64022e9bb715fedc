/**
 * A live subscriber of the contract tests: it collects the events of the streams under a prefix as
 * `store.subscribe` delivers them, from START, until stopped.
 */
import { START, type EventStore, type RecordedEvent } from '#infra/event-store/event-store.port.js';

export interface LiveSubscriber {
  readonly received: readonly RecordedEvent[];
  /** Resolves once `count` events have arrived, or `withinMs` after `since` (a Date.now()). */
  arrived(count: number, since: number, withinMs: number): Promise<void>;
  /**
   * Runs `append` and answers the milliseconds from its start until `count` events have arrived
   * (waiting at most `withinMs`): how soon a write wakes the subscriber.
   */
  timeToArrive(count: number, append: () => Promise<unknown>, withinMs: number): Promise<number>;
  /** Aborts the subscription and resolves once it has ended. */
  stop(): Promise<void>;
}

export function liveSubscriber(store: EventStore, streamPrefix: string): LiveSubscriber {
  const received: RecordedEvent[] = [];
  const abort = new AbortController();
  const done = (async () => {
    for await (const event of store.subscribe(START, { filter: { streamPrefix }, signal: abort.signal })) {
      received.push(event);
    }
  })();
  const arrived = async (count: number, since: number, withinMs: number): Promise<void> => {
    // Polled every 5 ms: the tests measure how soon an append wakes the subscriber.
    while (received.length < count && Date.now() - since < withinMs)
      await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return {
    received,
    arrived,
    async timeToArrive(count, append, withinMs) {
      const started = Date.now();
      await append();
      await arrived(count, started, withinMs);
      return Date.now() - started;
    },
    async stop() {
      abort.abort();
      await done;
    },
  };
}
