/**
 * A batch's shared-document deltas (projection.ts `SharedDelta`) between the apply loop and the
 * writes (projection-worker.ts): by collection and document, in event order, each document's
 * `initial` kept once (statistics makes eight deltas an event, each with its identity fields and
 * zero counters). They wait there until the documents' stored positions are read.
 */
import type { Position } from '#infra/event-store/event-store.port.js';
import type { SharedDelta } from '../projection/projection.js';
import { seen, type Slot } from './document-slot.js';
import { MergedDelta, type DeltaChange } from './shared-deltas.js';

interface PendingDocument {
  /** The last delta's: every delta of one document names the same identity. */
  initial: Readonly<Record<string, unknown>>;
  readonly changes: { readonly position: Position; readonly change: DeltaChange }[];
}

export class PendingDeltas {
  private readonly byCollection = new Map<string, Map<string, PendingDocument>>();

  add(delta: SharedDelta, position: Position): void {
    let documents = this.byCollection.get(delta.collection);
    if (!documents) this.byCollection.set(delta.collection, (documents = new Map()));
    const change: DeltaChange = { inc: delta.inc, set: delta.set, items: delta.items };
    const pending = documents.get(delta.id);
    if (pending) {
      pending.initial = delta.initial;
      pending.changes.push({ position, change });
    } else documents.set(delta.id, { initial: delta.initial, changes: [{ position, change }] });
  }

  collections(): string[] {
    return [...this.byCollection.keys()];
  }

  ids(collection: string): string[] {
    return [...(this.byCollection.get(collection)?.keys() ?? [])];
  }

  /**
   * Each document's deltas merged, but those its stored `_position` already has (a replay: the
   * stored position is at or past the delta's event).
   */
  merged(collection: string, slots: ReadonlyMap<string, Slot>): Map<string, MergedDelta> {
    const out = new Map<string, MergedDelta>();
    for (const [id, pending] of this.byCollection.get(collection) ?? []) {
      const slot = slots.get(id);
      const merged = new MergedDelta(id, slot?.stored, pending.initial);
      for (const { position, change } of pending.changes)
        if (slot === undefined || !seen(slot, position)) merged.add(change, position);
      out.set(id, merged);
    }
    return out;
  }
}
