/**
 * A live subscriber of the contract tests: it collects the events of the streams under a prefix as
 * `store.subscribe` delivers them, from START, until stopped.
 */
import { START, type EventStore, type RecordedEvent } from '#infra/event-store/event-store.port.js';

export interface LiveSubscriber {
  readonly received: readonly RecordedEvent[];
  /** Resolves once `count` events have arrived, or `withinMs` after `since` (a Date.now()). */
  arrived(count: number, since: number, withinMs: number): Promise<void>;
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
  return {
    received,
    async arrived(count, since, withinMs) {
      // Polled every 5 ms: the tests measure how soon an append wakes the subscriber.
      while (received.length < count && Date.now() - since < withinMs)
        await new Promise((resolve) => setTimeout(resolve, 5));
    },
    async stop() {
      abort.abort();
      await done;
    },
  };
}
