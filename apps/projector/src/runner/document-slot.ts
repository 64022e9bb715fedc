/**
 * One document a batch reads and may write (projection-worker.ts): what the projection made of
 * it so far, and what is stored, which the write is computed against and guarded with.
 */
import type { Position } from '#infra/event-store/event-store.port.js';
import type { ProjectedDocument } from '../projection/projection.js';

export interface Slot {
  readonly collection: string;
  readonly id: string;
  doc: ProjectedDocument | undefined;
  /**
   * The document as stored (its encoded, stored form, as read: a document of an older version keeps
   * its older fields), what an update of the changed fields is computed against.
   */
  base: ProjectedDocument | undefined;
  /** `_position` as stored (what the next write is guarded with); undefined when not stored. */
  stored: Position | undefined;
  /** Position of the last event applied to `doc`. */
  position: Position | undefined;
  dirty: boolean;
}

/** A slot for a document not read yet (nor known to be stored). */
export const emptySlot = (collection: string, id: string): Slot => ({
  collection,
  id,
  doc: undefined,
  base: undefined,
  stored: undefined,
  position: undefined,
  dirty: false,
});

/**
 * Whether the document as stored has already seen the event at `position` (a replay). Compared with
 * the stored position, not the last one applied in this batch: one event may change a shared
 * document twice (a day's counts move from one window to another). Positions are fixed-width
 * strings (event-store/position.ts): string order is position order.
 */
export const seen = (slot: Slot, position: Position): boolean =>
  slot.stored !== undefined && slot.stored >= position;
