/**
 * The writes of a batch's changed unit documents (projection-worker.ts): a stored document gets
 * an update of the fields that changed (unit-update.ts), a new one is inserted whole; each guarded
 * by the `_position` it was built from.
 */
import type { GuardedUpdate, GuardedWrite } from '#infra/read-store/guarded-writes.js';
import type { ProjectedDocument } from '../projection/projection.js';
import type { Slot } from './document-slot.js';
import { unitUpdate } from './unit-update.js';

export interface UnitWrites {
  readonly updates: GuardedUpdate[];
  readonly writes: GuardedWrite[];
  /** Each slot's document as it is stored once written: the base of its next update. */
  readonly encoded: Map<Slot, ProjectedDocument>;
}

/** The writes of `dirty` (slots with a document), encoded by `encode`. */
export function unitWrites(
  dirty: readonly Slot[],
  encode: (doc: ProjectedDocument) => ProjectedDocument,
): UnitWrites {
  const updates: GuardedUpdate[] = [];
  const writes: GuardedWrite[] = [];
  const encoded = new Map(dirty.map((slot) => [slot, encode(slot.doc!)]));
  for (const [slot, next] of encoded)
    if (slot.stored !== undefined && slot.base !== undefined) {
      const update = unitUpdate(slot.base, next, slot.position!);
      updates.push({ id: slot.id, builtFrom: slot.stored, update });
    } else
      writes.push({
        // `_position` last: a document read back carries the one it was stored with.
        document: { ...next, _id: slot.id, _position: slot.position! },
        builtFrom: slot.stored,
      });
  return { updates, writes, encoded };
}
