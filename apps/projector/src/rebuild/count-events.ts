/** How many events lie after a position, for a rebuild's ETA: one streaming pass, nothing kept. */
import type { EventStore, Position } from '#infra/event-store/event-store.port.js';

export async function countEventsAfter(store: EventStore, from: Position): Promise<number> {
  let count = 0;
  let position = from;
  for (;;) {
    const page = await store.readAll(position, { batchSize: 5000 });
    count += page.events.length;
    position = page.nextPosition;
    if (page.caughtUp) return count;
  }
}
