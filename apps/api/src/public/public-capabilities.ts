/**
 * What lets a person without an account act (P1, P5): the signed, expiring invitation to rate a
 * case and the query code of a complaint. Both are HMAC-SHA256 under a key derived from the token
 * secret, so no one without the server's secret can forge a link or compute a code; a query code is
 * derived from the complaint id, so a retried complaint (Idempotency-Key) answers the same code.
 * With RS256 tokens (AUTH_JWKS_URL) there is no shared secret: these routes then answer 503.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '#infra/config/app-config.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import { APP_CONFIG } from '../runtime/runtime-tokens.js';

export interface InvitationClaims {
  readonly caseId: string;
  readonly invitationId: string;
  /** Epoch ms; the domain checks the recorded expiry too. */
  readonly expiresAt: number;
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no I, O, 0, 1: read over the phone

const b64 = (b: Buffer): string => b.toString('base64url');

/** P1: what is stored of a query code. */
export const queryCodeHash = (code: string): string =>
  createHash('sha256').update(code, 'utf8').digest('hex');

export function readable(bytes: Buffer, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += BASE32[bytes[i]! % BASE32.length];
  return out;
}

@Injectable()
export class PublicCapabilities {
  private readonly key: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key =
      config.auth.kind === 'secret'
        ? createHmac('sha256', config.auth.secret).update('public-capabilities/v1').digest()
        : undefined;
  }

  private mac(text: string): Buffer {
    if (!this.key)
      throw new ProblemException(
        problems.unavailable(
          'Public links need AUTH_JWT_SECRET: with RS256 tokens there is no key to sign them.',
        ),
      );
    return createHmac('sha256', this.key).update(text, 'utf8').digest();
  }

  /** P5: `<payload>.<signature>`, both base64url. */
  signInvitation(claims: InvitationClaims): string {
    const payload = b64(Buffer.from(JSON.stringify([claims.caseId, claims.invitationId, claims.expiresAt])));
    return `${payload}.${b64(this.mac(`invitation.${payload}`))}`;
  }

  /** The claims of a well-signed invitation; undefined otherwise. Expiry and use are the domain's (P5). */
  verifyInvitation(token: string): InvitationClaims | undefined {
    const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return undefined;
    const expected = this.mac(`invitation.${match[1]}`);
    const given = Buffer.from(match[2]!, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const [caseId, invitationId, expiresAt] = JSON.parse(
        Buffer.from(match[1]!, 'base64url').toString('utf8'),
      ) as [unknown, unknown, unknown];
      if (typeof caseId !== 'string' || typeof invitationId !== 'string' || typeof expiresAt !== 'number')
        return undefined;
      return { caseId, invitationId, expiresAt };
    } catch {
      return undefined;
    }
  }

  /** P1: the complaint's query code, 8 characters easy to read out. */
  queryCode(complaintId: string): string {
    return readable(this.mac(`query-code.${complaintId}`), 8);
  }

  /** P1: whether `code` is the complaint's, compared in constant time against the stored hash. */
  queryCodeMatches(code: string, storedHash: string): boolean {
    const a = Buffer.from(queryCodeHash(code.trim().toUpperCase()), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
