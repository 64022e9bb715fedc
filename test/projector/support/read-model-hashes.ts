/**
 * Every read model of a database, document by document, as a hash of its canonical JSON (dates as
 * ISO text): two builds are equal when these maps are. Runner bookkeeping (checkpoints, leases,
 * parked events) is not part of it.
 */
import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';

const plain = (value: unknown): unknown => {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
};

export const READ_MODEL_COLLECTIONS = [...Object.values(READ_MODELS), 'audit_backdated_entries'];

export async function readModelHashes(db: Db): Promise<Record<string, Map<string, string>>> {
  const out: Record<string, Map<string, string>> = {};
  for (const name of READ_MODEL_COLLECTIONS) {
    const hashes = new Map<string, string>();
    for await (const doc of db.collection(name).find({}))
      hashes.set(
        String(doc._id),
        createHash('sha256')
          .update(canonicalJson(plain(doc)))
          .digest('hex'),
      );
    out[name] = hashes;
  }
  return out;
}

/** The differences between two builds, for a readable failure: `collection/_id: why`. */
export function hashDifferences(
  a: Record<string, Map<string, string>>,
  b: Record<string, Map<string, string>>,
): string[] {
  const out: string[] = [];
  for (const name of READ_MODEL_COLLECTIONS) {
    const x = a[name] ?? new Map<string, string>();
    const y = b[name] ?? new Map<string, string>();
    for (const [id, hash] of x)
      if (!y.has(id)) out.push(`${name}/${id}: only in the first`);
      else if (y.get(id) !== hash) out.push(`${name}/${id}: differs`);
    for (const id of y.keys()) if (!x.has(id)) out.push(`${name}/${id}: only in the second`);
  }
  return out;
}
