/**
 * The store-only rate for the same events: the four events a case records over HTTP, appended
 * straight to the event store with the same expected revisions, by as many concurrent writers as
 * the HTTP load had connections, for the same duration.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent, RecordedEvent } from '#infra/event-store/event-store.port.js';

export async function storeOnlyAppendRate(
  store: EventStore,
  templates: readonly RecordedEvent[],
  writers: number,
  durationMs: number,
): Promise<{ appendsPerSec: number; appends: number }> {
  let appends = 0;
  const until = Date.now() + durationMs;
  const writer = async (): Promise<void> => {
    while (Date.now() < until) {
      const streamId = `case-${randomUUID()}`;
      for (let i = 0; i < templates.length && Date.now() < until; i++) {
        const t = templates[i]!;
        const event: NewEvent = {
          eventId: randomUUID(),
          type: t.type,
          schemaVersion: t.schemaVersion,
          occurredAt: new Date(),
          actor: t.actor,
          correlationId: randomUUID(),
          causationId: randomUUID(),
          data: t.data,
        };
        await store.append(streamId, [event], i === 0 ? 'no_stream' : i - 1);
        appends++;
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: writers }, writer));
  return { appendsPerSec: appends / ((Date.now() - started) / 1000), appends };
}
