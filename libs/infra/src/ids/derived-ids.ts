/**
 * Ids derived from an `Idempotency-Key` (API.md "Conventions"): a retried command computes the same
 * case id and event ids as its first attempt, so the event store itself deduplicates the append
 * and the retry records nothing new. UUID version 5 (RFC 9562 §5.5: SHA-1 over a namespace and a
 * name) with the standard library only.
 */
import { createHash, randomUUID } from 'node:crypto';

/** This API's namespace: uuid v5 of the DNS name of the service, fixed once and never changed. */
const API_NAMESPACE = 'b8a2f1c6-4e2d-5a7b-9c3e-1f0d6a5b4c3d';

export function uuidV5(name: string, namespace: string = API_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A key is the caller's, for one command: two staff members who happen to choose the same key must
 * not collide, nor may a key reused for another command on the same case replay the first one. So
 * every derived id is scoped by the token's subject and the command as well as by the stream.
 */
export interface IdempotencyScope {
  readonly actorId: string;
  readonly command: string;
  readonly key: string;
}

const scoped = (scope: IdempotencyScope, ...parts: readonly (string | number)[]): string =>
  [scope.actorId, scope.command, scope.key, ...parts].map((p) => String(p).replace(/\n/g, ' ')).join('\n');

/** The id of the `index`-th event a keyed command appends to `streamId`. */
export function derivedEventId(scope: IdempotencyScope, streamId: string, index: number): string {
  return uuidV5(scoped(scope, 'event', streamId, index));
}

/**
 * The id of the command itself (the causation id of its events). With `fingerprint` (the request's
 * body and caller, hashed), a retry proves it repeats the first request exactly.
 */
export function derivedCommandId(
  scope: IdempotencyScope | undefined,
  streamId: string,
  fingerprint?: string,
): string {
  if (!scope) return randomUUID();
  return uuidV5(
    fingerprint === undefined
      ? scoped(scope, 'command', streamId)
      : scoped(scope, 'command', streamId, fingerprint),
  );
}

/** An id the command needs before deciding (a new case, complaint or accountability action). */
export function derivedEntityId(
  scope: IdempotencyScope | undefined,
  purpose: string,
  within: string,
): string {
  return scope ? uuidV5(scoped(scope, 'entity', purpose, within)) : randomUUID();
}
