/**
 * Reading and saving a projection's checkpoint (libs/infra/src/read-store/checkpoint-document.ts).
 * A save only moves the checkpoint forward: a slower process holding a stale lease cannot move it
 * back (positions order as strings).
 */
import type { Db } from 'mongodb';
import { START, type Position } from '#infra/event-store/event-store.port.js';
import { checkpointsOf, type CheckpointDocument } from '#infra/read-store/checkpoint-document.js';
import { isDuplicateKey } from '#infra/read-store/guarded-writes.js';

export interface LoadedCheckpoint {
  readonly position: Position;
  readonly context: unknown;
  readonly phase?: CheckpointDocument['phase'];
  /** The version the documents were built with; undefined before versions existed. */
  readonly version?: number;
}

export interface CheckpointToSave {
  /** The projection's name (the id is `<name>#rebuild` during a rebuild). */
  readonly projection: string;
  readonly position: Position;
  readonly context: unknown;
  readonly phase?: CheckpointDocument['phase'];
  /** Left as it is when undefined (a store built before versions stays "unversioned"). */
  readonly version?: number;
  /**
   * True when the batch folded no configuration: the context is the one the checkpoint holds, so
   * the update leaves it out (a delta: a few dozen bytes per batch instead of the whole folded
   * configuration, issue 19). An insert always carries it.
   */
  readonly contextUnchanged?: boolean;
}

export async function loadCheckpoint(db: Db, id: string): Promise<LoadedCheckpoint | undefined> {
  const doc = await checkpointsOf(db).findOne({ _id: id });
  return doc
    ? {
        position: doc.position ?? START,
        context: doc.context,
        ...(doc.phase && { phase: doc.phase }),
        ...(doc.version !== undefined && doc.version !== null && { version: doc.version }),
      }
    : undefined;
}

export async function saveCheckpoint(db: Db, id: string, checkpoint: CheckpointToSave): Promise<void> {
  const checkpoints = checkpointsOf(db);
  const { projection, position, context, phase, version, contextUnchanged } = checkpoint;
  const fields = {
    projection,
    position,
    savedAt: new Date(),
    ...(phase && { phase }),
    ...(version !== undefined && { version }),
  };
  const moved = await checkpoints.updateOne(
    { _id: id, position: { $lt: position } },
    { $set: contextUnchanged ? fields : { ...fields, context } },
  );
  if (moved.matchedCount > 0) return;
  try {
    await checkpoints.insertOne({ _id: id, ...fields, context });
  } catch (error) {
    // Already there, at this position or a later one.
    if (!isDuplicateKey(error)) throw error;
  }
}
