/**
 * The swap at the end of a rebuild (issue 6: "builds into fresh collections while the old ones keep
 * answering, then swaps"): each read model's `<name>__rebuild` collection is renamed to `<name>`,
 * the live one first set aside as `<name>__replaced` and dropped after; the live checkpoint becomes
 * the rebuild's. Done by the holder of the projection's live lease, so no live projector writes
 * meanwhile; the holder keeps it extended, and each rename is fenced by it (`stillHeld`).
 *
 * Every step can be done again: the rebuild checkpoint is marked `swapping` before the first
 * rename, and whoever next holds the live lease (a restarted rebuild, or a live projector taking
 * the lease over) finishes a swap that a crash interrupted.
 *
 * Each collection is renamed over the live one in one step (`dropTarget: true`), so a query always
 * finds one or the other: on MongoDB, and on the local FerretDB build, whose SQLite backend drops
 * the target and renames in one transaction (scripts/ferretdb/gsc_rename.go, build 7). An unpatched
 * FerretDB 1.x answers "not implemented": there the live one is set aside first, and between the
 * two renames (milliseconds, seconds under load) the read model is missing.
 * Collections a projection no longer builds (`retiredCollections`, an older version's) are dropped
 * once the new version is in.
 *
 * A rebuild loads its collections with `_id` only (as a MongoDB bulk load: one index to maintain per
 * write instead of up to nine); the declared indexes are built on the loaded collections before the
 * swap (rebuild-projections.ts, before it takes the live lease over), and a swap resumed after a
 * crash (or begun by older code, which built none) ensures them again before each rename, so a
 * swapped-in collection always carries every declared index.
 */
import type { Db } from 'mongodb';
import { buildIndexesTogether, ensureIndex } from '#infra/read-store/ensure-index.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import {
  rebuildCheckpointId,
  rebuildCollectionName,
  replacedCollectionName,
} from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../projection/projection.js';

async function collectionExists(db: Db, name: string): Promise<boolean> {
  return (await db.listCollections({ name }, { nameOnly: true }).toArray()).length > 0;
}

/**
 * Builds the projection's declared indexes (idempotent) on its loaded collections as `nameOf` names
 * them, each collection's together.
 */
export async function createDeclaredIndexes(
  db: Db,
  projection: Projection,
  nameOf: (readModel: string) => string,
): Promise<void> {
  for (const c of projection.collections)
    await buildIndexesTogether(db.collection(nameOf(c.name)), c.indexes);
}

/** Marks the rebuild as swapping: from here on it is finished, never restarted. */
export async function beginSwap(db: Db, projection: Projection): Promise<void> {
  await checkpointsOf(db).updateOne(
    { _id: rebuildCheckpointId(projection.name) },
    { $set: { phase: 'swapping' } },
  );
}

export interface FinishSwapOptions {
  /**
   * True when resuming a swap a crash interrupted: the declared indexes are ensured on each fresh
   * collection before it is renamed in. False right after `createDeclaredIndexes` built them (one
   * round trip per index saved).
   */
  readonly resumed: boolean;
  /**
   * Extends the projection's live lease; false when it is no longer ours. Asked before each rename
   * and before the checkpoint moves: a holder that stalled past the lease's lifetime has lost it to
   * a process that finishes the swap itself, and two finishers side by side could rename an empty
   * collection over the live one (createIndexes makes a missing fresh collection again).
   */
  readonly stillHeld: () => Promise<boolean>;
}

/** The live lease went to another process during the swap; that process finishes it. */
export class SwapLeaseLost extends Error {
  override readonly name = 'SwapLeaseLost';
  constructor(readonly projection: string) {
    super(`the live lease of ${projection} was lost during its swap; its new holder finishes the swap`);
  }
}

/** Finishes a swap begun by `beginSwap` (idempotent); false when no swap is pending. */
export async function finishSwap(
  db: Db,
  projection: Projection,
  options: FinishSwapOptions,
): Promise<boolean> {
  const checkpoints = checkpointsOf(db);
  const rebuild = await checkpoints.findOne({ _id: rebuildCheckpointId(projection.name) });
  if (!rebuild || rebuild.phase !== 'swapping') return false;
  const fence = async (): Promise<void> => {
    if (!(await options.stillHeld())) throw new SwapLeaseLost(projection.name);
  };
  for (const { name, indexes } of projection.collections) {
    const fresh = rebuildCollectionName(name);
    if (!(await collectionExists(db, fresh))) continue; // renamed in already
    if (options.resumed) for (const index of indexes) await ensureIndex(db.collection(fresh), index);
    await fence();
    await renameOver(db, fresh, name);
  }
  await fence();
  await checkpoints.replaceOne(
    { _id: projection.name },
    {
      projection: projection.name,
      position: rebuild.position,
      context: rebuild.context,
      savedAt: new Date(),
      // The rebuilt documents' version: a projector started later finds nothing to rebuild.
      ...(rebuild.version !== undefined && { version: rebuild.version }),
    },
    { upsert: true },
  );
  await checkpoints.deleteOne({ _id: rebuild._id });
  for (const { name } of projection.collections) {
    const replaced = replacedCollectionName(name);
    if (await collectionExists(db, replaced)) await db.collection(replaced).drop();
  }
  for (const name of projection.retiredCollections ?? [])
    if (await collectionExists(db, name)) await db.collection(name).drop();
  return true;
}

const notImplemented = (error: unknown): boolean =>
  error instanceof Error && /not implemented/i.test(error.message);

/** `fresh` becomes `name`, replacing it in one step where the server can (MongoDB, the local FerretDB). */
async function renameOver(db: Db, fresh: string, name: string): Promise<void> {
  try {
    await db.renameCollection(fresh, name, { dropTarget: true });
    return;
  } catch (error) {
    if (!notImplemented(error)) throw error;
  }
  const replaced = replacedCollectionName(name);
  if (await collectionExists(db, replaced)) await db.collection(replaced).drop();
  if (await collectionExists(db, name)) await db.renameCollection(name, replaced);
  await db.renameCollection(fresh, name);
}
