/**
 * Reading and saving a projection's checkpoint (libs/infra/src/read-store/checkpoint-document.ts).
 * A save only moves the checkpoint forward: a slower process holding a stale lease cannot move it
 * back (positions order as strings). An update leaves out what an existing checkpoint already holds
 * (its projection, its version: only an insert or a rebuild's swap writes those), and the runner
 * saves a round's checkpoints in one command (`saveCheckpoints`): issue 19, bytes per event.
 */
import type { Db, Filter, UpdateFilter } from 'mongodb';
import { START, type Position } from '#infra/event-store/event-store.port.js';
import { checkpointsOf, type CheckpointDocument } from '#infra/read-store/checkpoint-document.js';
import { isDuplicateKey } from '#infra/read-store/guarded-writes.js';
import type { Projection } from '../projection/projection.js';

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

/**
 * The version a worker's checkpoint records: the one its checkpoint had (the live projector goes on
 * with newer code over documents built by older code, and must not claim otherwise until a rebuild
 * swaps in), or the projection's own when it starts from nothing.
 */
export const builtWithOf = (
  checkpoint: LoadedCheckpoint | undefined,
  projection: Projection,
): number | undefined => (checkpoint ? checkpoint.version : projection.version);

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
  const { projection, position, context, phase, version } = checkpoint;
  const moved = await checkpoints.updateOne(...checkpointUpdate(id, checkpoint));
  if (moved.matchedCount > 0) return;
  try {
    await checkpoints.insertOne({
      _id: id,
      projection,
      position,
      savedAt: new Date(),
      ...(phase && { phase }),
      ...(version !== undefined && { version }),
      context,
    });
  } catch (error) {
    // Already there, at this position or a later one.
    if (!isDuplicateKey(error)) throw error;
  }
}

/** The update of a stored checkpoint that is behind `checkpoint`: filter and change. */
function checkpointUpdate(
  id: string,
  { position, context, phase, contextUnchanged }: CheckpointToSave,
): [Filter<CheckpointDocument>, UpdateFilter<CheckpointDocument>] {
  const fields = { position, savedAt: new Date(), ...(phase && { phase }) };
  return [
    { _id: id, position: { $lt: position } },
    { $set: contextUnchanged ? fields : { ...fields, context } },
  ];
}

/**
 * Saves several checkpoints (a round of the runner) as one command of updates; when any did not
 * move (none stored yet, or one stored at a later position), each goes through `saveCheckpoint`,
 * which inserts what is missing and changes nothing where the update has already moved it.
 */
export async function saveCheckpoints(
  db: Db,
  checkpoints: readonly { readonly id: string; readonly checkpoint: CheckpointToSave }[],
): Promise<void> {
  if (checkpoints.length > 1) {
    const result = await checkpointsOf(db).bulkWrite(
      checkpoints.map(({ id, checkpoint }) => {
        const [filter, update] = checkpointUpdate(id, checkpoint);
        return { updateOne: { filter, update } };
      }),
      { ordered: false },
    );
    if (result.matchedCount === checkpoints.length) return;
  }
  for (const { id, checkpoint } of checkpoints) await saveCheckpoint(db, id, checkpoint);
}
