/**
 * Appends planned events (realistic-cases.ts) to an event store whose clock this module sets, so
 * each event is recorded at the time the simulation gives it (U2: not back-dated unless meant).
 */
import type { EventStore } from '#infra/event-store/event-store.port.js';
import type { PlannedAppend } from './realistic-cases.js';

/** A clock for `createEventStore(url, { clock })` that the appender moves forward. */
export class SteppingClock {
  private current = 0;
  readonly now = (): Date => new Date(this.current);
  set(at: number): void {
    if (at > this.current) this.current = at;
  }
  get value(): number {
    return this.current;
  }
}

export interface AppendSummary {
  readonly appends: number;
  readonly events: number;
  readonly caseEvents: number;
  readonly streams: number;
  /** The recording time of the last append (epoch ms). */
  readonly lastRecordedAt: number;
}

export async function appendPlanned(
  store: EventStore,
  clock: SteppingClock,
  appends: Iterable<PlannedAppend>,
  onProgress?: (events: number) => void,
): Promise<AppendSummary> {
  let count = 0;
  let events = 0;
  let caseEvents = 0;
  const streams = new Set<string>();
  for (const append of appends) {
    clock.set(append.recordedAt);
    await store.append(append.streamId, append.events, append.expectedRevision);
    count++;
    events += append.events.length;
    if (append.streamId.startsWith('case-')) caseEvents += append.events.length;
    streams.add(append.streamId);
    if (onProgress && count % 1000 === 0) onProgress(events);
  }
  return { appends: count, events, caseEvents, streams: streams.size, lastRecordedAt: clock.value };
}
