/**
 * How many events lie after a position, for a rebuild's ETA: counted by the store where it can
 * (the SQL store), else one streaming pass, nothing kept.
 */
import type { EventStore, Position } from '#infra/event-store/event-store.port.js';

export async function countEventsAfter(store: EventStore, from: Position): Promise<number> {
  if (store.countAfter) return store.countAfter(from);
  let count = 0;
  let position = from;
  for (;;) {
    const page = await store.readAll(position, { batchSize: 5000 });
    count += page.events.length;
    position = page.nextPosition;
    if (page.caughtUp) return count;
  }
}
