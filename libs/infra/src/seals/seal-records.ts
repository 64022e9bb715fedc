import type { RecordedEvent } from '../event-store/event-store.port.js';
import { FIRST_SEAL_PREVIOUS, sealDigest } from './seal-digest.js';
import { STORE_SEALED, type Seal, type SealData } from './seal.js';

/** A `StoreSealed` event as a seal, or `undefined` when its data is not a seal's. */
export function sealOf(event: RecordedEvent): Seal | undefined {
  if (event.type !== STORE_SEALED || !isSealData(event.data)) return undefined;
  return {
    ...event.data,
    sealId: event.eventId,
    revision: event.revision,
    position: event.position,
    recordedAt: event.recordedAt,
    sealedBy: { id: event.actor.id, name: event.actor.name, role: event.actor.role },
  };
}

/** U7: a seal's digest is what its fields give, and names the digest of the seal before it. */
export function sealLinkHolds(seal: Seal, previous: Seal | undefined): boolean {
  return (
    seal.sealNo === seal.revision + 1 &&
    seal.previousDigest === (previous?.digest ?? FIRST_SEAL_PREVIOUS) &&
    seal.digest === sealDigest(seal)
  );
}

function isSealData(data: unknown): data is SealData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    typeof d.sealNo === 'number' &&
    typeof d.sealedAt === 'string' &&
    typeof d.merkleRoot === 'string' &&
    typeof d.streamCount === 'number' &&
    typeof d.previousDigest === 'string' &&
    typeof d.digest === 'string' &&
    typeof d.changedStreams === 'number'
  );
}
