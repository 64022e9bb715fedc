/**
 * A projection's checkpoint in the read store: the position it has applied every event up to, and
 * the configuration it had folded by then (office hours, holiday notices, policy), so a projector
 * resuming from it builds documents exactly as an uninterrupted one would.
 */
import type { Collection, Db } from 'mongodb';
import { START, type Position } from '../event-store/event-store.port.js';
import { CHECKPOINTS_COLLECTION } from './read-model-collections.js';

export interface CheckpointDocument {
  /** The projection's name; `<name>#rebuild` for a rebuild in progress. */
  _id: string;
  projection: string;
  position: Position;
  /** The projection's folded configuration as of `position`; null for projections without one. */
  context: unknown;
  /**
   * The projection's version (apps/projector projection.ts) the documents were built with; absent in
   * checkpoints saved before versions existed. A projector started with another version rebuilds.
   */
  version?: number;
  /** A rebuild's progress: building its fresh collections, or swapping them in. */
  phase?: 'building' | 'swapping';
  /** Wall time of the save, for operators; never part of a read model. */
  savedAt: Date;
}

export function checkpointsOf(db: Db): Collection<CheckpointDocument> {
  return db.collection<CheckpointDocument>(CHECKPOINTS_COLLECTION);
}

/** The live checkpoints (not those of rebuilds in progress), by projection name. */
export async function liveCheckpoints(db: Db): Promise<Map<string, Position>> {
  const docs = await checkpointsOf(db)
    .find({}, { projection: { _id: 1, position: 1 } })
    .toArray();
  return new Map(docs.filter((d) => !d._id.includes('#')).map((d) => [d._id, d.position ?? START]));
}
