/**
 * `npm run token` (scripts/token.mjs, issue 12 item 3): plain JavaScript run without a build, quiet
 * on stderr, and its tokens are accepted by the API's own verifier, with the development secret the
 * API falls back to as with AUTH_JWT_SECRET.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { STAFF_ROLES } from '#domain/actor/actor.js';
import { createTokenVerifier } from '#infra/auth/token-verifier.js';
import { loadConfig } from '#infra/config/app-config.js';

const run = promisify(execFile);
const SCRIPT = 'scripts/token.mjs';
const SECRET = 'token-script-test-secret-至少三十二个字节-0123456789';

/** Runs the script with exactly `env` (plus PATH): no AUTH_* leaks in from the test's environment. */
async function token(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run token (scripts/token.mjs)', () => {
  it('runs the script itself, with no build first', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.token).toBe('node scripts/token.mjs');
  });

  it('signs with the development secret the API falls back to, silently, and the API accepts the token', async () => {
    const out = await token([
      '--role',
      'window',
      '--dept',
      'dept-market',
      '--window',
      'win-3',
      '--name',
      '王芳',
    ]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const jwt = out.stdout.trim();
    expect(out.stdout).toBe(`${jwt}\n`);

    const verifier = createTokenVerifier(loadConfig({}).auth);
    expect(await verifier.verify(jwt)).toEqual({
      ok: true,
      claims: {
        sub: 'u-window',
        name: '王芳',
        role: 'window',
        centerId: 'center-1',
        departmentId: 'dept-market',
        windowId: 'win-3',
      },
    });
  });

  it('signs with AUTH_JWT_SECRET when it is set; a token of the development secret is then refused', async () => {
    const out = await token(['--role', 'supervisor', '--sub', 'u-7'], { AUTH_JWT_SECRET: SECRET });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    const jwt = out.stdout.trim();
    const withSecret = createTokenVerifier(loadConfig({ AUTH_JWT_SECRET: SECRET }).auth);
    expect(await withSecret.verify(jwt)).toMatchObject({
      ok: true,
      claims: { sub: 'u-7', role: 'supervisor' },
    });
    const withDevSecret = createTokenVerifier(loadConfig({}).auth);
    expect(await withDevSecret.verify(jwt)).toEqual({ ok: false, reason: 'the token is not valid' });
  });

  it('gives every token an expiry, 8 hours by default or as --expires says', async () => {
    const byDefault = decodeJwt((await token(['--role', 'admin'])).stdout.trim());
    expect(byDefault.exp! - byDefault.iat!).toBe(8 * 3600);
    const short = decodeJwt((await token(['--role', 'admin', '--expires', '30m'])).stdout.trim());
    expect(short.exp! - short.iat!).toBe(30 * 60);
  });

  it('offers exactly the staff roles of the domain, and refuses any other role with the usage', async () => {
    const help = await token(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`--role <${STAFF_ROLES.join('|')}>`);
    const wrong = await token(['--role', 'system']);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toMatch(/^usage: /);
  });

  it('refuses a short AUTH_JWT_SECRET, AUTH_JWKS_URL, and production without a secret, printing no token', async () => {
    const short = await token(['--role', 'admin'], { AUTH_JWT_SECRET: 'short' });
    expect(short).toMatchObject({ code: 2, stdout: '' });
    expect(short.stderr).toContain('at least 32 bytes');
    const jwks = await token(['--role', 'admin'], { AUTH_JWKS_URL: 'https://idp.example/jwks' });
    expect(jwks).toMatchObject({ code: 2, stdout: '' });
    expect(jwks.stderr).toContain('identity provider');
    const production = await token(['--role', 'admin'], { NODE_ENV: 'production' });
    expect(production).toMatchObject({ code: 2, stdout: '' });
    expect(production.stderr).toContain('NODE_ENV=production');
  });
});
