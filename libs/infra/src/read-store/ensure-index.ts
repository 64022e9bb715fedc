/**
 * Creates a read-model index as declared (DESIGN.md "Read models": partial indexes for what is
 * open). FerretDB 1.x answers "not implemented" to `partialFilterExpression`; there the same keys
 * are indexed whole, which serves the same queries (every query on them also filters `open`).
 */
import type { Collection, Document, IndexDescription } from 'mongodb';

const notImplemented = (error: unknown): boolean =>
  error instanceof Error && /not implemented/i.test(error.message);

export async function ensureIndex<D extends Document>(
  collection: Collection<D>,
  index: IndexDescription,
): Promise<void> {
  try {
    await collection.createIndex(index.key, index);
  } catch (error) {
    if (index.partialFilterExpression === undefined || !notImplemented(error)) throw error;
    const { partialFilterExpression: _partial, ...whole } = index;
    await collection.createIndex(whole.key, whole);
  }
}
