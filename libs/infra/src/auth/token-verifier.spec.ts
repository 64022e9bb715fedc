import { SignJWT } from 'jose';
import type { StaffClaims } from './staff-claims.js';
import { signStaffToken } from './token-signer.js';
import { createTokenVerifier } from './token-verifier.js';

const SECRET = 'a-secret-that-is-at-least-32-bytes-long!';
const RULES = { maxLifetimeS: 86_400 };
const verifier = createTokenVerifier({ kind: 'secret', secret: SECRET, devDefault: false, ...RULES });

describe('staff tokens', () => {
  it('maps the claims of a valid token; the same token verifies again from the cache', async () => {
    const claims: StaffClaims = {
      sub: 'u-window',
      name: '窗口王芳',
      role: 'window',
      centerId: 'center-1',
      departmentId: 'dept-market',
      windowId: 'win-3',
    };
    const token = await signStaffToken(claims, SECRET);
    // Every claim signed comes back, and nothing else.
    const expected = { ok: true, claims: { ...claims } };
    expect(await verifier.verify(token)).toEqual(expected);
    expect(await verifier.verify(token)).toEqual(expected);
  });

  it('refuses other secrets, expired tokens, unknown roles and the system identity', async () => {
    const other = await signStaffToken(
      { sub: 'u', name: 'n', role: 'window' },
      'another-secret-of-at-least-32-bytes!!',
    );
    expect(await verifier.verify(other)).toMatchObject({ ok: false });
    const expired = await signStaffToken({ sub: 'u', name: 'n', role: 'window' }, SECRET, -120);
    expect(await verifier.verify(expired)).toEqual({ ok: false, reason: 'the token has expired' });
    const system = await signStaffToken({ sub: 'u', name: 'n', role: 'system' as never }, SECRET);
    expect(await verifier.verify(system)).toMatchObject({ ok: false, reason: expect.stringMatching(/role/) });
  });
});

describe('token rules (finding 9, R1)', () => {
  const sign = (build: (jwt: SignJWT) => SignJWT, claims: Record<string, unknown> = {}): Promise<string> =>
    build(
      new SignJWT({ name: '督查', role: 'supervisor', centerId: 'center-1', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-s'),
    ).sign(new TextEncoder().encode(SECRET));

  it('refuses a token without exp, one living longer than the maximum, and a role without its scope claim', async () => {
    expect(await verifier.verify(await sign((j) => j.setIssuedAt()))).toMatchObject({ ok: false });
    expect(await verifier.verify(await sign((j) => j.setIssuedAt().setExpirationTime('30d')))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/AUTH_JWT_MAX_LIFETIME/),
    });
    expect(
      await verifier.verify(await sign((j) => j.setExpirationTime('1h'), { centerId: undefined })),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/centerId.*R1/) });
    expect(await verifier.verify(await sign((j) => j.setExpirationTime('1h')))).toMatchObject({ ok: true });
  });

  it('checks iss and aud when configured', async () => {
    const strict = createTokenVerifier({
      kind: 'secret',
      secret: SECRET,
      devDefault: false,
      ...RULES,
      issuer: 'https://idp.example',
      audience: 'case-api',
    });
    const good = await sign((j) =>
      j.setExpirationTime('1h').setIssuer('https://idp.example').setAudience('case-api'),
    );
    expect(await strict.verify(good)).toMatchObject({ ok: true });
    const wrongIssuer = await sign((j) =>
      j.setExpirationTime('1h').setIssuer('https://evil').setAudience('case-api'),
    );
    expect(await strict.verify(wrongIssuer)).toMatchObject({ ok: false });
    const noAudience = await sign((j) => j.setExpirationTime('1h').setIssuer('https://idp.example'));
    expect(await strict.verify(noAudience)).toMatchObject({ ok: false });
  });
});

describe('staff tokens from an identity provider (RS256, JWKS)', () => {
  it('verifies against the keys the JWKS URL serves, and refuses HS256 tokens there', async () => {
    const { createServer } = await import('node:http');
    const { exportJWK, generateKeyPair } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const jwks = createTokenVerifier({
        kind: 'jwks',
        jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
        ...RULES,
      });
      const token = await new SignJWT({ name: '纪检孙丽', role: 'auditor', centerId: 'center-1' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setSubject('u-audit')
        .setExpirationTime('1h')
        .sign(privateKey);
      expect(await jwks.verify(token)).toEqual({
        ok: true,
        claims: { sub: 'u-audit', name: '纪检孙丽', role: 'auditor', centerId: 'center-1' },
      });
      const hs = await signStaffToken({ sub: 'u', name: 'n', role: 'window' }, SECRET);
      expect(await jwks.verify(hs)).toMatchObject({ ok: false });
    } finally {
      server.close();
    }
  });
});
