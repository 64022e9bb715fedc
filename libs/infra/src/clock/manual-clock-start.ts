/**
 * Where a manual clock starts (CLOCK=manual, docs/API.md "Administration"): at CLOCK_START when it is
 * set, else at the real time, but never before the latest time the event store already holds. The
 * clock is not persisted; it is derived from the events at start, so after a restart it does not
 * fall back behind the steps it recorded before (U2: business and recording time never run back).
 *
 * The latest time is found by reading every event once (O(events)). A manual clock is for tests and
 * demonstrations, whose stores are small; the system clock never does this.
 */
import type { EventStore } from '../event-store/event-store.port.js';
import { START } from '../event-store/position.js';

export interface ManualClockStart {
  /** Epoch ms the clock starts at. */
  readonly at: number;
  /** Why: the configured or real time, or the store's latest event because it was later. */
  readonly source: 'CLOCK_START' | 'wall clock' | 'latest event';
}

/** The latest `recordedAt` or `occurredAt` of any event in the store; undefined when it is empty. */
export async function latestEventTime(store: EventStore, pageSize = 5000): Promise<number | undefined> {
  let latest: number | undefined;
  let position = START;
  for (;;) {
    const page = await store.readAll(position, { batchSize: pageSize });
    for (const e of page.events) {
      const t = Math.max(Date.parse(e.recordedAt), Date.parse(e.occurredAt));
      if (Number.isFinite(t) && (latest === undefined || t > latest)) latest = t;
    }
    if (page.caughtUp || page.events.length === 0) return latest;
    position = page.nextPosition;
  }
}

export async function manualClockStart(
  store: EventStore,
  clockStart: number | undefined,
  wallNow: number,
): Promise<ManualClockStart> {
  const wanted = clockStart ?? wallNow;
  const latest = await latestEventTime(store);
  if (latest !== undefined && latest > wanted) return { at: latest, source: 'latest event' };
  return { at: wanted, source: clockStart === undefined ? 'wall clock' : 'CLOCK_START' };
}
