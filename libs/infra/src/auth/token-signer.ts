/** Signs HS256 staff tokens: for the local token script and the HTTP tests, never used by the API itself. */
import { SignJWT } from 'jose';
import type { StaffClaims } from './staff-claims.js';

export async function signStaffToken(
  claims: StaffClaims,
  secret: string,
  expiresIn: string | number = '8h',
): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
