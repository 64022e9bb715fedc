/**
 * Creates read-model indexes as declared (DESIGN.md "Read models": partial indexes for what is
 * open). FerretDB 1.x answers "not implemented" to `partialFilterExpression`; there the same keys
 * are indexed whole, which serves the same queries (each also names its index's partial filter).
 * An index whose keys a whole index already covers under another name (there: the open-case
 * index made whole, beside the same keys declared whole) is left to that one, which serves it.
 *
 * A projection's collections get their indexes together (`buildIndexesTogether`: a rebuild's after
 * the load, the live ones at start): one `createIndexes` command for those missing, which MongoDB
 * builds in a single scan of the collection (its MultiIndexBlock) instead of one scan per index
 * (case_views declares 17). Only the missing ones are asked for: FerretDB 1.x's handler panics on
 * a command naming two indexes that exist (it deletes from the slice it walks), and closes the
 * connection.
 */
import { isDeepStrictEqual } from 'node:util';
import {
  MongoServerError,
  type Collection,
  type Document,
  type IndexDescription,
  type IndexDescriptionInfo,
} from 'mongodb';

const notImplemented = (error: unknown): boolean =>
  error instanceof Error && /not implemented/i.test(error.message);

/** IndexOptionsConflict: an index with these keys exists under another name or other options. */
const INDEX_OPTIONS_CONFLICT = 85;

/** NamespaceNotFound: listing the indexes of a collection that does not exist. */
const NAMESPACE_NOT_FOUND = 26;

/** What ensuring indexes uses of a collection (any document type). */
type IndexedCollection = Pick<Collection<Document>, 'createIndex' | 'indexes'>;
type LoadedCollection = IndexedCollection & Pick<Collection<Document>, 'createIndexes'>;

const coversWhole = (list: readonly IndexDescriptionInfo[], key: IndexDescription['key']): boolean => {
  const keys = Object.entries(key);
  return list.some(
    (i) => i.partialFilterExpression === undefined && isDeepStrictEqual(Object.entries(i.key), keys),
  );
};

/**
 * The collection's indexes, listed once while its indexes are ensured together (on the local
 * FerretDB every open-case index made whole conflicts, on every projector start), and listed again
 * only when an earlier listing lacks what a conflict asks for (created since, by this loop or by
 * another process). A conflict is accepted only when a listing shows a whole index on its keys.
 */
class ExistingIndexes {
  private listing: Promise<IndexDescriptionInfo[]> | undefined;

  /** `listed`: a listing the caller has just taken, used as the first one. */
  constructor(
    private readonly collection: IndexedCollection,
    listed?: IndexDescriptionInfo[],
  ) {
    if (listed !== undefined) this.listing = Promise.resolve(listed);
  }

  async coverWhole(key: IndexDescription['key']): Promise<boolean> {
    const earlier = this.listing;
    if (earlier !== undefined && coversWhole(await earlier, key)) return true;
    this.listing = this.collection.indexes();
    return coversWhole(await this.listing, key);
  }
}

async function create(
  collection: IndexedCollection,
  index: IndexDescription,
  existing: ExistingIndexes,
): Promise<void> {
  try {
    await collection.createIndex(index.key, index);
  } catch (error) {
    if (!(error instanceof MongoServerError) || error.code !== INDEX_OPTIONS_CONFLICT) throw error;
    if (!(await existing.coverWhole(index.key))) throw error;
  }
}

async function ensureOne(
  collection: IndexedCollection,
  index: IndexDescription,
  existing: ExistingIndexes,
): Promise<void> {
  try {
    await create(collection, index, existing);
  } catch (error) {
    if (index.partialFilterExpression === undefined || !notImplemented(error)) throw error;
    const { partialFilterExpression: _partial, ...whole } = index;
    await create(collection, whole, existing);
  }
}

/** Ensures a collection's declared indexes, one after the other, listing its indexes once. */
export async function ensureIndexes(
  collection: IndexedCollection,
  indexes: readonly IndexDescription[],
): Promise<void> {
  await ensureEach(collection, indexes, new ExistingIndexes(collection));
}

async function ensureEach(
  collection: IndexedCollection,
  indexes: readonly IndexDescription[],
  existing: ExistingIndexes,
): Promise<void> {
  for (const index of indexes) await ensureOne(collection, index, existing);
}

/** One index (ensureIndexes lists the collection's indexes once for all of them). */
export async function ensureIndex(collection: IndexedCollection, index: IndexDescription): Promise<void> {
  await ensureIndexes(collection, [index]);
}

/** The name the server gives an index declared without one (the driver's rule: `a_1_b_-1`). */
const nameOf = (index: IndexDescription): string =>
  index.name ??
  Object.entries(index.key)
    .map(([field, order]) => `${field}_${String(order)}`)
    .join('_');

/** Whether the listed index of the same name is the declared one (key order, unique, partial filter). */
const sameIndex = (info: IndexDescriptionInfo, index: IndexDescription): boolean =>
  isDeepStrictEqual(Object.entries(info.key), Object.entries(index.key)) &&
  (info.unique ?? false) === (index.unique ?? false) &&
  isDeepStrictEqual(info.partialFilterExpression, index.partialFilterExpression);

/**
 * The declared indexes of a loaded collection, the missing ones in one command (one scan on
 * MongoDB); a server that refuses the command (FerretDB 1.x for a partial index, a conflict) gets
 * them one by one as `ensureIndexes` does, which says which index it refuses and why.
 */
export async function buildIndexesTogether(
  collection: LoadedCollection,
  indexes: readonly IndexDescription[],
): Promise<void> {
  const present = await collection.indexes().catch((error: unknown) => {
    // A collection the load wrote nothing to does not exist yet: createIndexes makes it.
    if (error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND) return [];
    throw error;
  });
  const byName = new Map(present.map((info) => [info.name, info]));
  // An index by that name but not as declared (on FerretDB 1.x: a partial one made whole) is for
  // ensureIndexes to take or refuse, as at every start.
  const differs = (index: IndexDescription): boolean => {
    const info = byName.get(nameOf(index));
    return info !== undefined && !sameIndex(info, index);
  };
  // The listing just taken serves ensureIndexes' conflicts too (no second one at every start).
  const existing = new ExistingIndexes(collection, present);
  if (indexes.some(differs)) return ensureEach(collection, indexes, existing);
  const missing = indexes.filter((index) => !byName.has(nameOf(index)));
  if (missing.length === 0) return;
  if (missing.length > 1)
    try {
      await collection.createIndexes([...missing]);
      return;
    } catch (error) {
      if (!(error instanceof MongoServerError)) throw error;
    }
  await ensureEach(collection, missing, existing);
}
