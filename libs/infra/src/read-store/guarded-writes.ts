/**
 * Position-guarded document writes (DESIGN.md "Read models": "guards every document write with the
 * position it was built from"). Every read-model document carries `_position`, the position of the
 * last event applied to it. A write names the `_position` the new document was built from:
 *  - none (the document did not exist): an insert, refused as a duplicate key if it exists by now;
 *  - a position: a replace filtered on `{ _id, _position }`, which matches nothing if the document
 *    moved on meanwhile.
 * Either refusal is a `GuardedWriteConflict`: the writer's copy was stale (another projector wrote
 * first), so it reloads and builds again. Only the lease holder writes, so a conflict is rare.
 *
 * FerretDB 1.x: an update command holding 100 or more matching updates exhausts its connection pool
 * and hangs (scripts/ensure-ferretdb.sh), and an unordered bulk stops at its first error; so replaces
 * go in chunks of at most 50 and any error fails the whole write, which the caller retries.
 */
import {
  MongoBulkWriteError,
  type AnyBulkWriteOperation,
  type Collection,
  type Document,
  type UpdateFilter,
} from 'mongodb';
import type { Position } from '../event-store/event-store.port.js';

export interface VersionedDocument extends Document {
  _id: string;
  _position: Position;
}

export interface GuardedWrite<D extends VersionedDocument = VersionedDocument> {
  readonly document: D;
  /** The `_position` of the stored document this one was built from; undefined when there was none. */
  readonly builtFrom: Position | undefined;
}

export class GuardedWriteConflict extends Error {
  override readonly name = 'GuardedWriteConflict';
  constructor(readonly collection: string) {
    super(`a document of ${collection} changed since it was read: another writer was first`);
  }
}

export interface GuardedWriteOptions {
  /** Chunks in flight at once; default 4. */
  readonly concurrency?: number;
  /** Replaces per command; default 50 (see above). */
  readonly replaceChunk?: number;
  /** Inserts per command; default 1000. */
  readonly insertChunk?: number;
}

const DUPLICATE_KEY = 11000;

export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; writeErrors?: unknown };
  if (e.code === DUPLICATE_KEY) return true;
  const list = error instanceof MongoBulkWriteError ? error.writeErrors : e.writeErrors;
  const errors = Array.isArray(list) ? list : list ? Object.values(list as object) : [];
  return errors.length > 0 && errors.every((w) => (w as { code?: unknown }).code === DUPLICATE_KEY);
}

export async function writeGuarded<D extends VersionedDocument>(
  collection: Collection<D>,
  writes: readonly GuardedWrite<D>[],
  options: GuardedWriteOptions = {},
): Promise<void> {
  const inserts = writes.filter((w) => w.builtFrom === undefined).map((w) => w.document);
  const replaces = writes.filter((w) => w.builtFrom !== undefined);
  const tasks: (() => Promise<void>)[] = [];
  for (const chunk of chunks(inserts, options.insertChunk ?? 1000))
    tasks.push(async () => {
      try {
        await collection.insertMany(chunk as never[], { ordered: false });
      } catch (error) {
        if (isDuplicateKey(error)) throw new GuardedWriteConflict(collection.collectionName);
        throw error;
      }
    });
  for (const chunk of chunks(replaces, options.replaceChunk ?? 50))
    tasks.push(async () => {
      const ops = chunk.map((w): AnyBulkWriteOperation<D> => ({
        replaceOne: {
          filter: { _id: w.document._id, _position: w.builtFrom } as never,
          replacement: w.document,
        },
      }));
      const result = await collection.bulkWrite(ops, { ordered: false });
      if (result.matchedCount !== chunk.length) throw new GuardedWriteConflict(collection.collectionName);
    });
  await runLimited(tasks, options.concurrency ?? 4);
}

/** An update of one stored document, applied only if it is still at `builtFrom`. */
export interface GuardedUpdate {
  readonly id: string;
  readonly builtFrom: Position;
  readonly update: UpdateFilter<VersionedDocument>;
}

/**
 * Updates (`$inc`, `$push` …) filtered on `{ _id, _position: builtFrom }`, in chunks as replaces
 * are; a document that moved on meanwhile fails the whole write with a `GuardedWriteConflict`.
 */
export async function updateGuarded(
  collection: Collection<VersionedDocument>,
  updates: readonly GuardedUpdate[],
  options: GuardedWriteOptions = {},
): Promise<void> {
  const tasks = chunks(updates, options.replaceChunk ?? 50).map((chunk) => async () => {
    const result = await collection.bulkWrite(
      chunk.map((u) => ({
        updateOne: { filter: { _id: u.id, _position: u.builtFrom }, update: u.update },
      })),
      { ordered: false },
    );
    if (result.matchedCount !== chunk.length) throw new GuardedWriteConflict(collection.collectionName);
  });
  await runLimited(tasks, options.concurrency ?? 4);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs the tasks with at most `limit` in flight; the first failure fails the whole run (after the others settle). */
export async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  let failure: unknown;
  const worker = async (): Promise<void> => {
    while (next < tasks.length && failure === undefined) {
      const task = tasks[next++]!;
      try {
        await task();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (failure !== undefined) throw failure;
}
