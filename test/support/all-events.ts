/** Every event the store holds, in position order: what a suite compares its read models with. */
import { START, type EventStore, type RecordedEvent } from '#infra/event-store/event-store.port.js';

export async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for (let from = START; ;) {
    const page = await store.readAll(from, { batchSize: 5000 });
    out.push(...page.events);
    from = page.nextPosition;
    if (page.caughtUp) return out;
  }
}
