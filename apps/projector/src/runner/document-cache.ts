/**
 * The documents a projection wrote last, kept in memory (least recently used dropped first) so the
 * next batch need not read them back. Valid only while the process holds the projection's lease
 * without interruption: the runner clears it whenever a write fails or the lease is retaken.
 */
import type { Position } from '#infra/event-store/event-store.port.js';
import type { ProjectedDocument } from '../projection/projection.js';

export interface CachedDocument {
  readonly doc: ProjectedDocument;
  /** The `_position` it is stored with. */
  readonly position: Position;
}

export class DocumentCache {
  private readonly entries = new Map<string, CachedDocument>();

  constructor(private readonly capacity: number) {}

  private static key(collection: string, id: string): string {
    return `${collection}\u0000${id}`;
  }

  get(collection: string, id: string): CachedDocument | undefined {
    const key = DocumentCache.key(collection, id);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(collection: string, id: string, entry: CachedDocument): void {
    const key = DocumentCache.key(collection, id);
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
