/**
 * A collection's indexes as the rebuild suites compare them with the declared ones: `{ key, unique }`
 * with the key as ordered pairs (an index's field order matters), names left out.
 */
import type { Db } from 'mongodb';

export interface IndexShape {
  readonly key: unknown;
  readonly unique: boolean;
}

export const indexesOf = async (db: Db, collection: string): Promise<IndexShape[]> =>
  (await db.collection(collection).indexes()).map((i) => ({
    key: Object.entries(i.key),
    unique: i.unique ?? false,
  }));
