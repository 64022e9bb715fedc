import type { SealDigestFields } from './seal-digest.js';

/** The stream that holds the seals (U7), and the event each seal is. */
export const SEALS_STREAM = 'seals';
export const STORE_SEALED = 'StoreSealed';

/** The data of a `StoreSealed` event. */
export interface SealData extends SealDigestFields {
  readonly digest: string;
  readonly algorithm: 'sm3';
  readonly buckets: number;
  /** Streams whose head moved since the previous seal (what this seal cost). */
  readonly changedStreams: number;
}

/** A seal as the API answers it. */
export interface Seal extends SealData {
  readonly sealId: string;
  readonly revision: number;
  readonly position: string;
  readonly recordedAt: string;
  readonly sealedBy: { readonly id: string; readonly name: string; readonly role: string };
}

export type SealProblemKind = 'missing' | 'truncated' | 'altered';

export interface SealProblem {
  readonly streamId: string;
  readonly problem: SealProblemKind;
  readonly sealedRevision: number;
  /** The stream's last revision now, when it still has events. */
  readonly foundRevision?: number;
  /** For `altered`: the first revision whose hash-chain link does not hold (U3), when one does not. */
  readonly firstBrokenRevision?: number;
}

/** `GET /audit/seals/verification`. */
export interface SealVerification {
  readonly ok: boolean;
  readonly sealsChecked: number;
  readonly streamsChecked: number;
  readonly problems: readonly SealProblem[];
}

export class SealsNotSupported extends Error {
  readonly code = 'SEALS_NOT_SUPPORTED' as const;
  constructor() {
    super('seals (U7) need the PostgreSQL or PGlite event store');
    this.name = 'SealsNotSupported';
  }
}
