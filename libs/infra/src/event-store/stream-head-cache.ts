import type { StreamHead } from './recorded-events.js';

/**
 * The last known head of recently written or read streams, so that the usual command
 * (read the stream, decide, append at its revision) appends in one round trip without reading
 * the head again. Safe across processes: "revision n of stream s has hash h" never stops being
 * true (U5), so a stale entry can only name a revision that is no longer the last one, and the
 * database's unique (stream, revision) refuses that append as a concurrency conflict.
 * Least recently used entries are dropped beyond `capacity`.
 */
export class StreamHeadCache<Head extends StreamHead = StreamHead> {
  private readonly heads = new Map<string, Head>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): Head | undefined {
    const head = this.heads.get(streamId);
    if (head !== undefined) {
      this.heads.delete(streamId);
      this.heads.set(streamId, head);
    }
    return head;
  }

  /** Keeps the later of the known head and `head`. */
  remember(streamId: string, head: Head): void {
    const known = this.heads.get(streamId);
    if (known !== undefined && known.revision >= head.revision) return;
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) {
      const oldest = this.heads.keys().next();
      if (!oldest.done) this.heads.delete(oldest.value);
    }
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
