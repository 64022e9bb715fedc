import { createHash } from 'node:crypto';

/**
 * The hash algorithms a chain may use (U8). SM3 (GB/T 32905, the 商用密码 hash that GB/T 39786
 * assessments expect) is the default of every append; SHA-256 is what stores written before U8
 * hold, and stays verifiable. The order is the only direction a chain may switch in: a chain
 * moves forward (sha256 → sm3), never back, so an old or forged writer cannot quietly downgrade it.
 */
export const HASH_ALGORITHMS = ['sha256', 'sm3'] as const;
export type HashAlgorithm = (typeof HASH_ALGORITHMS)[number];

export const DEFAULT_HASH_ALGORITHM: HashAlgorithm = 'sm3';
/** Events stored before U8 name no algorithm: they were hashed with SHA-256. */
export const LEGACY_HASH_ALGORITHM: HashAlgorithm = 'sha256';

export function isHashAlgorithm(value: unknown): value is HashAlgorithm {
  return typeof value === 'string' && (HASH_ALGORITHMS as readonly string[]).includes(value);
}

/** The position of an algorithm in the order a chain may move along; -1 for an unknown one. */
export function algorithmRank(alg: string): number {
  return (HASH_ALGORITHMS as readonly string[]).indexOf(alg);
}

/** The algorithm an append chains with on top of a head using `headAlg`: never backwards. */
export function algorithmForAppend(configured: HashAlgorithm, headAlg: HashAlgorithm): HashAlgorithm {
  return algorithmRank(headAlg) > algorithmRank(configured) ? headAlg : configured;
}

/** Hex digest of UTF-8 text. Both algorithms give 256 bits (64 hex digits). */
export function digestHex(alg: HashAlgorithm, text: string): string {
  return createHash(alg).update(text, 'utf8').digest('hex');
}
