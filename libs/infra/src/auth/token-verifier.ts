/**
 * Checks bearer tokens (API.md "Conventions"): HS256 with a shared secret, or RS256 with keys from a
 * JWKS URL (fetched and cached by jose). Signature, `exp` (required, with a maximum lifetime), and
 * `iss`/`aud` when configured are checked (finding 9); the claims then must describe a staff member
 * with the scope claims its role needs (R1: an absent claim grants nothing, so it is refused).
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import { missingScopeClaims } from '#domain/access/read-scope.js';
import type { AppConfig, TokenRules } from '../config/app-config.js';
import { actorFromClaims, readStaffClaims, type StaffClaims } from './staff-claims.js';

export type VerifyResult =
  { readonly ok: true; readonly claims: StaffClaims } | { readonly ok: false; readonly reason: string };

export interface TokenVerifier {
  verify(token: string): Promise<VerifyResult>;
}

/** Clocks of terminals and identity providers drift a little. */
const CLOCK_TOLERANCE_S = 30;

export function createTokenVerifier(auth: AppConfig['auth']): TokenVerifier {
  const options = (algorithm: string): JWTVerifyOptions => ({
    algorithms: [algorithm],
    clockTolerance: CLOCK_TOLERANCE_S,
    requiredClaims: ['exp'],
    ...(auth.issuer !== undefined && { issuer: auth.issuer }),
    ...(auth.audience !== undefined && { audience: auth.audience }),
  });
  if (auth.kind === 'jwks') {
    const keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(auth.jwksUrl));
    return verifierWith((token) => jwtVerify(token, keys, options('RS256')), auth);
  }
  const key = new TextEncoder().encode(auth.secret);
  return verifierWith((token) => jwtVerify(token, key, options('HS256')), auth);
}

/** Verified tokens kept (by their exact text) until they expire: a clerk sends the same token all day. */
const CACHE_SIZE = 10_000;

const REASONS: Readonly<Record<string, string>> = {
  ERR_JWT_EXPIRED: 'the token has expired',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'a registered claim (exp, iss, aud, nbf) is missing or not accepted',
};

/** Why a verified payload's lifetime is not acceptable, if it is not. */
function lifetimeProblem(payload: Record<string, unknown>, rules: TokenRules): string | undefined {
  const exp = payload.exp;
  if (typeof exp !== 'number') return 'the token has no expiry (exp)';
  const from = typeof payload.iat === 'number' ? payload.iat : Date.now() / 1000;
  if (exp - from > rules.maxLifetimeS + CLOCK_TOLERANCE_S)
    return `the token lives longer than ${rules.maxLifetimeS} s (AUTH_JWT_MAX_LIFETIME)`;
  return undefined;
}

function verifierWith(
  check: (token: string) => Promise<{ payload: Record<string, unknown> }>,
  rules: TokenRules,
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
        const code = error instanceof Error && 'code' in error ? String(error.code) : '';
        return { ok: false, reason: REASONS[code] ?? 'the token is not valid' };
      }
      const lifetime = lifetimeProblem(payload, rules);
      if (lifetime !== undefined) return { ok: false, reason: lifetime };
      const claims = readStaffClaims(payload);
      if (typeof claims === 'string') return { ok: false, reason: claims };
      const missing = missingScopeClaims(actorFromClaims(claims));
      if (missing.length > 0)
        return {
          ok: false,
          reason: `a ${claims.role} token must name its ${missing.join(' and ')}: without it the role's scope is unknown and grants nothing (R1)`,
        };
      if (verified.size >= CACHE_SIZE) verified.delete(verified.keys().next().value!);
      verified.set(token, { claims, expiresAtMs: (payload.exp as number) * 1000 });
      return { ok: true, claims };
    },
  };
}
