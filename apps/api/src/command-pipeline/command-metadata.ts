/**
 * What the headers of a command say (API.md "Conventions"): who (the token's actor), whether it is
 * conditional (`If-Match`), whether it is a retry (`Idempotency-Key`), and which conversation it
 * belongs to (`X-Correlation-Id`, U1).
 */
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '#infra/integrity/canonical-json.js';
import type { Actor } from '#domain/actor/actor.js';
import { ProblemException, problems } from '../problem/problem-details.js';

export interface CommandMetadata {
  readonly actor: Actor;
  /** Which command (e.g. `AcceptApplication`): an Idempotency-Key is scoped to it (derived-ids.ts). */
  readonly command: string;
  readonly idempotencyKey?: string;
  /**
   * What a keyed retry must repeat exactly (finding 5): the body and the caller (role and scope
   * claims; the subject already scopes the key). A key reused with another gets 422. Hashed only
   * when there is a key: nothing else reads it (a canonical JSON and a SHA-256 per command saved).
   */
  readonly requestFingerprint?: string;
  /** The revision `If-Match` names; `'*'` only asks that the stream exists. */
  readonly ifMatch?: number | '*';
  readonly correlationId: string;
}

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const header = (headers: Headers, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Printable ASCII without spaces at the ends; long enough for a UUID or a client's own scheme. */
const KEY = /^[\x21-\x7e]([\x20-\x7e]{0,198}[\x21-\x7e])?$/;
const CORRELATION = /^[A-Za-z0-9._:-]{1,100}$/;
const ETAG = /^"(\d{1,15})"$/;
/** RFC 9110 §13.1.1: If-Match compares strongly, so a weak ETag never matches. */
const WEAK_ETAG = /^W\/"[^"]*"$/;

/** The body and the caller's role and scope claims, hashed (the subject scopes the key itself). */
export function requestFingerprint(actor: Actor, body: unknown): string {
  const caller = {
    role: actor.role,
    centerId: actor.centerId ?? null,
    departmentId: actor.departmentId ?? null,
    windowId: actor.windowId ?? null,
  };
  return createHash('sha256')
    .update(canonicalJson({ caller, body: JSON.parse(JSON.stringify(body ?? {})) as unknown }))
    .digest('hex');
}

export function readCommandMetadata(
  headers: Headers,
  actor: Actor,
  command: string,
  body?: unknown,
): CommandMetadata {
  const key = header(headers, 'idempotency-key');
  if (key !== undefined && !KEY.test(key))
    throw new ProblemException(
      problems.validation('Idempotency-Key must be 1–200 printable ASCII characters.', [
        { field: 'Idempotency-Key', message: 'must be 1–200 printable ASCII characters' },
      ]),
    );
  const ifMatchText = header(headers, 'if-match');
  let ifMatch: number | '*' | undefined;
  if (ifMatchText !== undefined) {
    const trimmed = ifMatchText.trim();
    const match = ETAG.exec(trimmed);
    if (trimmed === '*') ifMatch = '*';
    else if (match) ifMatch = Number(match[1]);
    else if (WEAK_ETAG.test(trimmed))
      throw new ProblemException(
        problems.preconditionFailed(
          'If-Match compares strongly (RFC 9110): a weak ETag never matches; send "<revision>" as the ETag header gave it.',
        ),
      );
    else if (/^\d{1,15}$/.test(trimmed)) ifMatch = Number(trimmed);
    else
      throw new ProblemException(
        problems.validation('If-Match must be an ETag of this API: "<revision>".', [
          { field: 'If-Match', message: 'must be "<revision>" as the ETag header gave it' },
        ]),
      );
  }
  const correlation = header(headers, 'x-correlation-id');
  if (correlation !== undefined && !CORRELATION.test(correlation))
    throw new ProblemException(
      problems.validation('X-Correlation-Id must be 1–100 characters of letters, digits and ._:-', [
        { field: 'X-Correlation-Id', message: 'must be 1–100 characters of letters, digits and ._:-' },
      ]),
    );
  return {
    actor,
    command,
    ...(key !== undefined && { idempotencyKey: key, requestFingerprint: requestFingerprint(actor, body) }),
    ...(ifMatch !== undefined && { ifMatch }),
    correlationId: correlation ?? randomUUID(),
  };
}

/** The scope ids derived from the key live in: the caller, the command and the key (derived-ids.ts). */
export function idempotencyScope(
  metadata: CommandMetadata,
): { actorId: string; command: string; key: string } | undefined {
  return metadata.idempotencyKey !== undefined
    ? { actorId: metadata.actor.id, command: metadata.command, key: metadata.idempotencyKey }
    : undefined;
}
