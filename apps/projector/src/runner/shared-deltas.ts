/**
 * The deltas of one batch to one shared document (projection.ts `SharedDelta`), merged in event
 * order and written as one insert (a document that does not exist yet) or as updates guarded by
 * the `_position` it is stored with (apps/projector/README.md "Shared documents").
 *
 * Why a replay never counts twice: the runner adds a delta only when the stored `_position` is
 * before its event (document-slot.ts `seen`), and the update that adds it moves `_position` to
 * the batch's last event for that document in the same write, filtered on the position it read.
 * So every event is in the document exactly when the document's `_position` is at or past it. A
 * document with keyed items is written in two updates, `$pullAll` then `$push` (MongoDB refuses both
 * on one field in one update): both filtered on the position read, only the second moves it; a crash
 * between them leaves the old values pulled, and the replay pulls nothing more and pushes.
 */
import type { Db } from 'mongodb';
import type { Position } from '#infra/event-store/event-store.port.js';
import {
  updateGuarded,
  writeGuarded,
  type GuardedUpdate,
  type VersionedDocument,
} from '#infra/read-store/guarded-writes.js';
import type { KeyedItem, SharedDelta } from '../projection/projection.js';

/** What a delta changes, without the document it names (pending-deltas.ts keeps that once). */
export type DeltaChange = Pick<SharedDelta, 'inc' | 'set' | 'items'>;

export class MergedDelta {
  /** The last event whose delta is merged. */
  position: Position | undefined;
  private readonly inc = new Map<string, number>();
  private readonly set = new Map<string, unknown>();
  private items: { field: string; key: string } | undefined;
  /** Stored values to pull, by key. */
  private readonly pulls = new Map<string, KeyedItem>();
  /** Values to push, by key, in the order a sequence of "remove by key, then append" leaves them. */
  private readonly pushes = new Map<string, KeyedItem>();

  constructor(
    readonly id: string,
    /** `_position` as stored; undefined when the document does not exist. */
    readonly stored: Position | undefined,
    /** The document's fields when the merge creates it (`SharedDelta.initial`). */
    private readonly initial: Readonly<Record<string, unknown>>,
  ) {}

  add(delta: DeltaChange, position: Position): void {
    // for…in, not Object.entries: a rebuild adds millions of deltas, and each array is garbage.
    const { inc, set } = delta;
    for (const field in inc) {
      const by = inc[field]!;
      if (by !== 0) this.inc.set(field, (this.inc.get(field) ?? 0) + by);
    }
    for (const field in set) this.set.set(field, set[field]);
    const items = delta.items;
    if (items) {
      this.items = { field: items.field, key: items.key };
      for (const item of items.remove) {
        const key = String(item[items.key]);
        // Added earlier in this batch: never stored, so nothing to pull.
        if (this.pushes.has(key)) this.pushes.delete(key);
        else if (this.stored !== undefined) this.pulls.set(key, item);
      }
      for (const item of items.add) {
        const key = String(item[items.key]);
        this.pushes.delete(key);
        this.pushes.set(key, item);
      }
    }
    this.position = position;
  }

  /** The whole document, when it does not exist yet. */
  document(): VersionedDocument {
    const doc: Record<string, unknown> = { ...this.initial };
    for (const [field, by] of this.inc) doc[field] = Number(doc[field] ?? 0) + by;
    for (const [field, value] of this.set) doc[field] = value;
    if (this.items) {
      const initial = doc[this.items.field];
      doc[this.items.field] = [...(Array.isArray(initial) ? initial : []), ...this.pushes.values()];
    }
    // Assigned, not spread into a second copy; `initial` has neither, so they come last.
    return Object.assign(doc, { _id: this.id, _position: this.position! });
  }

  /** The `$pullAll` to run before `update()`, if any values go. */
  pull(): GuardedUpdate | undefined {
    if (this.stored === undefined || !this.items || this.pulls.size === 0) return undefined;
    const update: Record<string, unknown> = { $pullAll: { [this.items.field]: [...this.pulls.values()] } };
    return { id: this.id, builtFrom: this.stored, update };
  }

  update(): GuardedUpdate {
    const update: Record<string, unknown> = {
      $set: { ...Object.fromEntries(this.set), _position: this.position! },
    };
    if (this.inc.size > 0) update.$inc = Object.fromEntries(this.inc);
    if (this.items && this.pushes.size > 0)
      update.$push = { [this.items.field]: { $each: [...this.pushes.values()] } };
    return { id: this.id, builtFrom: this.stored!, update };
  }
}

/** Inserts the new documents, then pulls, then the updates that move `_position`. */
export async function writeMerged(
  db: Db,
  collectionName: string,
  merged: readonly MergedDelta[],
  concurrency: number,
): Promise<void> {
  const collection = db.collection<VersionedDocument>(collectionName);
  const fresh = merged.filter((m) => m.stored === undefined);
  const stored = merged.filter((m) => m.stored !== undefined);
  await writeGuarded(
    collection,
    fresh.map((m) => ({ document: m.document(), builtFrom: undefined })),
    { concurrency },
  );
  const pulls = stored.map((m) => m.pull()).filter((u): u is GuardedUpdate => u !== undefined);
  if (pulls.length > 0) await updateGuarded(collection, pulls, { concurrency });
  await updateGuarded(
    collection,
    stored.map((m) => m.update()),
    { concurrency },
  );
}
