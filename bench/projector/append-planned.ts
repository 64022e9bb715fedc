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

export interface AppendOptions {
  /** Appends in flight at once (to different streams; one stream's stay in order); default 1. */
  readonly concurrency?: number;
  readonly onProgress?: (events: number) => void;
}

/**
 * Appends every planned append. With concurrency > 1 appends to different streams overlap (the
 * store still orders them); the clock then reads the latest time of those in flight, which is at
 * most minutes after each one's own.
 */
export async function appendPlanned(
  store: EventStore,
  clock: SteppingClock,
  appends: Iterable<PlannedAppend>,
  options: AppendOptions = {},
): Promise<AppendSummary> {
  let count = 0;
  let events = 0;
  let caseEvents = 0;
  const streams = new Set<string>();
  const limit = options.concurrency ?? 1;
  const inFlight = new Set<Promise<void>>();
  const tails = new Map<string, Promise<void>>();
  let failure: unknown;
  for (const append of appends) {
    if (failure !== undefined) break;
    const previous = tails.get(append.streamId) ?? Promise.resolve();
    const run = previous.then(async () => {
      clock.set(append.recordedAt);
      await store.append(append.streamId, append.events, append.expectedRevision);
    });
    const tracked: Promise<void> = run.then(
      () => {
        inFlight.delete(tracked);
        if (tails.get(append.streamId) === tracked) tails.delete(append.streamId);
      },
      (error: unknown) => {
        inFlight.delete(tracked);
        failure ??= error;
      },
    );
    tails.set(append.streamId, tracked);
    inFlight.add(tracked);
    count++;
    events += append.events.length;
    if (append.streamId.startsWith('case-')) caseEvents += append.events.length;
    streams.add(append.streamId);
    if (options.onProgress && count % 1000 === 0) options.onProgress(events);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  return { appends: count, events, caseEvents, streams: streams.size, lastRecordedAt: clock.value };
}
