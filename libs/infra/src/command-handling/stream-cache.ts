/**
 * The streams this process has read or written lately, kept so that a command usually needs one
 * round trip to the store (the append) instead of two (read, then append). The cache is never
 * trusted for correctness: every append carries the expected revision, and when another process
 * has written in between, the store refuses it (`WrongExpectedRevision`); the writer then reads
 * the stream afresh and decides again. Bounded, least recently used first out. A plain class: the
 * API provides one per process (handle-command.ts reads through it).
 */
import type { RecordedEvent } from '../event-store/event-store.port.js';

const MAX_STREAMS = 20_000;

export class StreamCache {
  private readonly streams = new Map<string, readonly RecordedEvent[]>();

  get(streamId: string): readonly RecordedEvent[] | undefined {
    const events = this.streams.get(streamId);
    if (events !== undefined) {
      this.streams.delete(streamId);
      this.streams.set(streamId, events);
    }
    return events;
  }

  /** The stream as just read from the store. */
  set(streamId: string, events: readonly RecordedEvent[]): void {
    this.streams.delete(streamId);
    this.streams.set(streamId, events);
    if (this.streams.size > MAX_STREAMS) this.streams.delete(this.streams.keys().next().value!);
  }

  /** Events just appended after `base` (the stream as the writer decided on it). */
  appended(streamId: string, base: readonly RecordedEvent[], added: readonly RecordedEvent[]): void {
    const current = this.streams.get(streamId);
    const baseRevision = base.length - 1;
    // Only extend what the append was decided on; anything else (a concurrent writer's newer
    // answer, an idempotent replay) is simply forgotten and read again next time.
    if ((current === undefined || current === base) && added[0]?.revision === baseRevision + 1)
      this.set(streamId, [...base, ...added]);
    else this.streams.delete(streamId);
  }

  forget(streamId: string): void {
    this.streams.delete(streamId);
  }
}
