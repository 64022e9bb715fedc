/**
 * Bench only (run.ts): the event store the supervisor reads through, counting the streams and
 * events each tick reads (the other half of what a tick costs, beside the read store's).
 */
import type { EventStore } from '#infra/event-store/event-store.port.js';

/** A store that counts what the tick reads from it. */
export function countingStore(inner: EventStore): {
  store: EventStore;
  counts: { streamsRead: number; eventsRead: number };
} {
  const counts = { streamsRead: 0, eventsRead: 0 };
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      if (name === 'readStream')
        return async (...args: Parameters<EventStore['readStream']>) => {
          const events = await target.readStream(...args);
          counts.streamsRead++;
          counts.eventsRead += events.length;
          return events;
        };
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, counts };
}
