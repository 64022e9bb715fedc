/**
 * The console's development sign-in (issue 18): GET/POST /auth/dev-login answer only while the API
 * signs with the development secret (AUTH_JWT_SECRET unset) and only to a request made on this
 * machine; otherwise 403 DEV_LOGIN_UNAVAILABLE. Both routes are in the OpenAPI document. Also the
 * console's pages at /console: served by the API's process, a fixed set of files, nothing else.
 */
import 'reflect-metadata';
import { request as httpRequest } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '#infra/config/app-config.js';
import { devLoginAvailability } from '../../apps/api/src/console/dev-login/dev-login-availability.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../apps/api/src/runtime/open-runtime.js';
import { startApi, type TestApi } from '../api/support/api-harness.js';
import { useTestApi } from '../api/support/test-api-stand.js';
import { openTestStore, serveApi, type TestStore } from '../support/api-stand.js';

const DEV_CONFIG = loadConfig({ CLOCK: 'manual', LOG_LEVEL: 'error' });
const SECRET_CONFIG = loadConfig({ CLOCK: 'manual', LOG_LEVEL: 'error', AUTH_JWT_SECRET: 'x'.repeat(40) });
const local = {
  socket: { remoteAddress: '127.0.0.1', localAddress: '127.0.0.1' },
  headers: { host: '127.0.0.1:3000' },
};

/** A GET with a Host header of our choosing (fetch will not send one). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: { code?: string } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { code?: string } }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('development sign-in: when it may mint tokens', () => {
  it('only with the development secret, loopback at both ends and a loopback Host', () => {
    expect(devLoginAvailability(DEV_CONFIG, local)).toMatchObject({ available: true });
    expect(devLoginAvailability(DEV_CONFIG, { ...local, headers: { host: 'localhost:3000' } })).toMatchObject(
      { available: true },
    );
    expect(
      devLoginAvailability(DEV_CONFIG, {
        socket: { remoteAddress: '::1', localAddress: '::1' },
        headers: { host: '[::1]:3000' },
      }),
    ).toMatchObject({ available: true });
    expect(devLoginAvailability(SECRET_CONFIG, local)).toMatchObject({ available: false });
    expect(
      devLoginAvailability(DEV_CONFIG, {
        ...local,
        socket: { remoteAddress: '192.168.1.20', localAddress: '192.168.1.5' },
      }),
    ).toMatchObject({ available: false });
    // A page whose own name was rebound to 127.0.0.1 still sends its own Host.
    expect(
      devLoginAvailability(DEV_CONFIG, { ...local, headers: { host: 'evil.example:3000' } }),
    ).toMatchObject({
      available: false,
    });
  });
});

describe('GET/POST /auth/dev-login on an API with the development secret', () => {
  let stand: TestStore;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    stand = await openTestStore('pglite');
    const { store, clock } = stand;
    const runtime = await openRuntime(DEV_CONFIG, { store, clock, logger: createApiLogger('error') });
    ({ app, url } = await serveApi(runtime));
  });
  afterAll(async () => {
    await app?.close();
    await stand?.close();
  });

  it('lists one identity per role and mints a token the API then accepts', async () => {
    const options = await fetch(`${url}/auth/dev-login`);
    expect(options.status).toBe(200);
    const { identities } = (await options.json()) as { identities: { role: string; label: string }[] };
    expect(identities.map((i) => i.role)).toEqual([
      'guide',
      'proxy',
      'window',
      'approver',
      'supervisor',
      'auditor',
      'admin',
    ]);
    expect(identities.find((i) => i.role === 'supervisor')!.label).toBe('中心督查');

    const minted = await fetch(`${url}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'supervisor', centerId: 'center-2' }),
    });
    expect(minted.status).toBe(200);
    const body = (await minted.json()) as { token: string; identity: { centerId: string; role: string } };
    expect(body.identity).toMatchObject({ role: 'supervisor', centerId: 'center-2' });
    const policy = await fetch(`${url}/admin/policy/timeliness`, {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(policy.status).toBe(200);
  });

  it('refuses an unknown role (400 naming the field) and a request with a foreign Host (403)', async () => {
    const bad = await fetch(`${url}/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'system' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: 'role' })],
    });
    const foreign = await getWithHost(`${url}/auth/dev-login`, 'evil.example');
    expect(foreign).toEqual({
      status: 403,
      body: expect.objectContaining({ code: 'DEV_LOGIN_UNAVAILABLE' }),
    });
  });

  it('serves the console page at /console/ with a script policy, and only the files it names', async () => {
    const redirect = await fetch(`${url}/console`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/console/');
    const page = await fetch(`${url}/console/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(await page.text()).toContain('<html lang="zh-CN">');
    const preact = await fetch(`${url}/console/vendor/preact.mjs`);
    expect(preact.headers.get('content-type')).toMatch(/^text\/javascript/);
    for (const path of [
      '/console/app/../../package.json',
      '/console/app/%2e%2e/package.json',
      '/console/package.json',
    ])
      expect((await fetch(`${url}${path}`)).status).toBe(404);
  });
});

describe('GET/POST /auth/dev-login on an API with AUTH_JWT_SECRET set', () => {
  let api: TestApi;
  useTestApi({ open: () => startApi('pglite'), configure: null }, (stand) => ({ api } = stand));

  it('refuses both with 403 DEV_LOGIN_UNAVAILABLE, and the OpenAPI document describes both routes', async () => {
    const list = await api.request('GET', '/auth/dev-login', undefined, { token: null });
    expect(list).toMatchObject({ status: 403, body: { code: 'DEV_LOGIN_UNAVAILABLE' } });
    const mint = await api.request('POST', '/auth/dev-login', { role: 'admin' }, { token: null });
    expect(mint).toMatchObject({ status: 403, body: { code: 'DEV_LOGIN_UNAVAILABLE' } });
    const doc = await api.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/docs-json',
      undefined,
      {
        token: null,
      },
    );
    expect(Object.keys(doc.body.paths['/auth/dev-login'] ?? {}).sort()).toEqual(['get', 'post']);
  });
});
