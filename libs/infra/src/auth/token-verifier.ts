/**
 * Checks bearer tokens (API.md "Conventions"): HS256 with a shared secret, or RS256 with keys from a
 * JWKS URL (fetched and cached by jose). Expiry and signature are checked; the claims then must
 * describe a staff member.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { readStaffClaims, type StaffClaims } from './staff-claims.js';

export type VerifyResult =
  { readonly ok: true; readonly claims: StaffClaims } | { readonly ok: false; readonly reason: string };

export interface TokenVerifier {
  verify(token: string): Promise<VerifyResult>;
}

/** Clocks of terminals and identity providers drift a little. */
const CLOCK_TOLERANCE_S = 30;

export function createTokenVerifier(auth: AppConfig['auth']): TokenVerifier {
  if (auth.kind === 'jwks') {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl));
    return verifierWith((token) =>
      jwtVerify(token, keys, { algorithms: ['RS256'], clockTolerance: CLOCK_TOLERANCE_S }),
    );
  }
  const key = new TextEncoder().encode(auth.secret);
  return verifierWith((token) =>
    jwtVerify(token, key, { algorithms: ['HS256'], clockTolerance: CLOCK_TOLERANCE_S }),
  );
}

/** Verified tokens kept (by their exact text) until they expire: a clerk sends the same token all day. */
const CACHE_SIZE = 10_000;

function verifierWith(
  check: (token: string) => Promise<{ payload: Record<string, unknown> }>,
): TokenVerifier {
  // Signature checks through WebCrypto cost more than the rest of a request; a token's text fixes
  // its claims, so once verified it only needs its expiry checked again.
  const verified = new Map<string, { claims: StaffClaims; expiresAtMs: number }>();
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known !== undefined) {
        if (Date.now() < known.expiresAtMs) return { ok: true, claims: known.claims };
        verified.delete(token);
      }
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await check(token));
      } catch (error) {
        const code = (error as { code?: string }).code;
        return {
          ok: false,
          reason: code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid',
        };
      }
      const claims = readStaffClaims(payload);
      if (typeof claims === 'string') return { ok: false, reason: claims };
      // Tokens without an expiry are checked every time (nothing bounds how long they may be kept).
      if (typeof payload.exp === 'number') {
        if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
        verified.set(token, { claims, expiresAtMs: payload.exp * 1000 });
      }
      return { ok: true, claims };
    },
  };
}
