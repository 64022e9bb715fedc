/**
 * Pure: whether a projection's live read store was built by other code than the projection's now
 * (projection.ts `version`), from its live checkpoint. No checkpoint: a fresh store, which the live
 * projector builds at the current version, so nothing to rebuild.
 */
import type { Projection } from '../projection/projection.js';

export interface VersionChange {
  readonly projection: Projection;
  /** The version the live documents were built with; null when the checkpoint predates versions. */
  readonly from: number | null;
  readonly to: number;
}

export function versionChangeOf(
  projection: Projection,
  checkpoint: { readonly version?: number } | undefined,
): VersionChange | undefined {
  if (!checkpoint || checkpoint.version === projection.version) return undefined;
  return { projection, from: checkpoint.version ?? null, to: projection.version };
}

/** A version is a positive integer; anything else is a programming error, refused at start. */
export function assertVersions(projections: readonly Projection[]): void {
  for (const p of projections)
    if (!Number.isInteger(p.version) || p.version < 1)
      throw new Error(`projection ${p.name}: version must be a positive integer, not ${String(p.version)}`);
}
