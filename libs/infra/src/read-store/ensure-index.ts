/**
 * Creates a read-model index as declared (DESIGN.md "Read models": partial indexes for what is
 * open). FerretDB 1.x answers "not implemented" to `partialFilterExpression`; there the same keys
 * are indexed whole, which serves the same queries (every query on them also filters `open`).
 * An index whose keys a whole index already covers under another name (there: the open-case
 * index made whole, beside the same keys declared whole) is left to that one, which serves it.
 */
import { isDeepStrictEqual } from 'node:util';
import { MongoServerError, type Collection, type Document, type IndexDescription } from 'mongodb';

const notImplemented = (error: unknown): boolean =>
  error instanceof Error && /not implemented/i.test(error.message);

/** IndexOptionsConflict: an index with these keys exists under another name or other options. */
const INDEX_OPTIONS_CONFLICT = 85;

async function create<D extends Document>(collection: Collection<D>, index: IndexDescription): Promise<void> {
  try {
    await collection.createIndex(index.key, index);
  } catch (error) {
    if (!(error instanceof MongoServerError) || error.code !== INDEX_OPTIONS_CONFLICT) throw error;
    const keys = Object.entries(index.key);
    const existing = await collection.indexes();
    const servedBy = existing.find(
      (i) => i.partialFilterExpression === undefined && isDeepStrictEqual(Object.entries(i.key), keys),
    );
    if (servedBy === undefined) throw error;
  }
}

export async function ensureIndex<D extends Document>(
  collection: Collection<D>,
  index: IndexDescription,
): Promise<void> {
  try {
    await create(collection, index);
  } catch (error) {
    if (index.partialFilterExpression === undefined || !notImplemented(error)) throw error;
    const { partialFilterExpression: _partial, ...whole } = index;
    await create(collection, whole);
  }
}
