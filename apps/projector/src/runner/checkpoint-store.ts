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
}

export async function loadCheckpoint(db: Db, id: string): Promise<LoadedCheckpoint | undefined> {
  const doc = await checkpointsOf(db).findOne({ _id: id });
  return doc
    ? { position: doc.position ?? START, context: doc.context, ...(doc.phase && { phase: doc.phase }) }
    : undefined;
}

export async function saveCheckpoint(
  db: Db,
  id: string,
  projection: string,
  position: Position,
  context: unknown,
  phase?: CheckpointDocument['phase'],
): Promise<void> {
  const checkpoints = checkpointsOf(db);
  const fields = { projection, position, context, savedAt: new Date(), ...(phase && { phase }) };
  const moved = await checkpoints.updateOne({ _id: id, position: { $lt: position } }, { $set: fields });
  if (moved.matchedCount > 0) return;
  try {
    await checkpoints.insertOne({ _id: id, ...fields });
  } catch (error) {
    // Already there, at this position or a later one.
    if (!isDuplicateKey(error)) throw error;
  }
}
