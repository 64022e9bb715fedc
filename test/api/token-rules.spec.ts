/**
 * Finding 9 over HTTP: a token needs `exp`, lives at most AUTH_JWT_MAX_LIFETIME, and names the
 * issuer and audience of AUTH_JWT_ISSUER / AUTH_JWT_AUDIENCE when they are set.
 */
import { SignJWT } from 'jose';
import { startApi, TEST_SECRET, tokenFor, type TestApi } from './support/api-harness.js';
import { useTestApi } from './support/test-api-stand.js';

describe('token rules over HTTP (finding 9, PGlite)', () => {
  const env = {
    AUTH_JWT_ISSUER: 'https://idp.example',
    AUTH_JWT_AUDIENCE: 'case-api',
    AUTH_JWT_MAX_LIFETIME: '43200',
  };
  let api: TestApi;
  useTestApi(
    { open: () => startApi('pglite', undefined, { env }), configure: null },
    (stand) => ({ api } = stand),
  );

  const sign = (
    build: (jwt: SignJWT) => SignJWT,
    iss = 'https://idp.example',
    aud = 'case-api',
  ): Promise<string> =>
    build(
      new SignJWT({ name: '纪检', role: 'auditor' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-a')
        .setIssuer(iss)
        .setAudience(aud),
    ).sign(new TextEncoder().encode(TEST_SECRET));
  const status = async (token: string): Promise<number> =>
    (await api.request('GET', '/admin/policy/timeliness', undefined, { token })).status;

  it('finding 9: a token without exp, or living longer than AUTH_JWT_MAX_LIFETIME, is 401', async () => {
    expect(await status(await sign((j) => j.setIssuedAt()))).toBe(401);
    expect(await status(await sign((j) => j.setIssuedAt().setExpirationTime('13h')))).toBe(401);
    expect(await status(await sign((j) => j.setIssuedAt().setExpirationTime('400d')))).toBe(401);
    expect(await status(await sign((j) => j.setIssuedAt().setExpirationTime('1h')))).toBe(200);
  });

  it('finding 9: with AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE set, a token of another issuer or audience is 401', async () => {
    const valid = (j: SignJWT): SignJWT => j.setIssuedAt().setExpirationTime('1h');
    expect(await status(await sign(valid))).toBe(200);
    expect(await status(await sign(valid, 'https://evil.example'))).toBe(401);
    expect(await status(await sign(valid, 'https://idp.example', 'other-api'))).toBe(401);
    // A token without iss and aud (as the local token script signs them) is refused here too.
    expect(await status(await tokenFor('auditor'))).toBe(401);
  });
});
