import { canonicalJson } from '../integrity/canonical-json.js';
import { digestHex } from '../integrity/hash-algorithm.js';

/**
 * The digests of a seal (U7), all SM3 (U8), pure so that anyone holding an exported seal and the
 * heads can recompute them.
 *
 * A seal covers the head of every stream: a leaf is `SM3(canonicalJson([streamId, revision, hash]))`.
 * Leaves fall into SEAL_BUCKETS buckets by the first 12 bits of SM3(streamId); a bucket's digest is
 * SM3 over its leaves in stream-id order; the Merkle root is a binary tree over the bucket digests.
 * Buckets are what make sealing incremental: a new seal recomputes only the buckets of streams
 * changed since the last one (about streams/4096 leaves each), then 4,095 inner nodes.
 * The seal's digest binds the root to its number, time, stream count and the previous seal's
 * digest, so seals form a chain of their own and an exported seal vouches for all before it.
 */
export const SEAL_BUCKETS = 4096;
export const SEAL_ALGORITHM = 'sm3' as const;
/** The previous digest of the first seal. */
export const FIRST_SEAL_PREVIOUS = '0'.repeat(64);

export interface SealedHead {
  readonly streamId: string;
  readonly revision: number;
  readonly hash: string;
}

export function bucketOf(streamId: string): number {
  return Number.parseInt(digestHex(SEAL_ALGORITHM, streamId).slice(0, 3), 16);
}

export function leafHash(head: SealedHead): string {
  return digestHex(SEAL_ALGORITHM, canonicalJson([head.streamId, head.revision, head.hash]));
}

/** `heads` of one bucket, in any order. */
export function bucketDigest(heads: readonly SealedHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  return digestHex(SEAL_ALGORITHM, sorted.map(leafHash).join(''));
}

export const EMPTY_BUCKET_DIGEST = bucketDigest([]);

/** Binary Merkle tree; an odd node at a level goes up unchanged. */
export function merkleRoot(digests: readonly string[]): string {
  if (digests.length === 0) return EMPTY_BUCKET_DIGEST;
  let level = [...digests];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? digestHex(SEAL_ALGORITHM, level[i] + level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0];
}

export interface SealDigestFields {
  readonly sealNo: number;
  readonly sealedAt: string;
  readonly merkleRoot: string;
  readonly streamCount: number;
  readonly previousDigest: string;
}

export function sealDigest(fields: SealDigestFields): string {
  return digestHex(
    SEAL_ALGORITHM,
    canonicalJson({
      sealNo: fields.sealNo,
      sealedAt: fields.sealedAt,
      merkleRoot: fields.merkleRoot,
      streamCount: fields.streamCount,
      previousDigest: fields.previousDigest,
    }),
  );
}
