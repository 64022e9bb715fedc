/**
 * CLOCK_START (issue 12 item 4, docs/API.md "Administration"): the API opened from its configuration
 * as `npm start` opens it (loadConfig → openRuntime → the HTTP application), on an embedded PGlite
 * store in a temporary folder, over a real socket. The manual clock starts at CLOCK_START, so the
 * National Day example of T4 runs on a fresh store; after a restart it never starts behind the
 * store's latest event, and a step's default business time never falls before the case's last step.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { parseInstant } from '#domain/calendar/index.js';
import { loadConfig } from '#infra/config/app-config.js';
import { createApiApplication } from '../../apps/api/src/api-application.js';
import { openRuntime } from '../../apps/api/src/runtime/open-runtime.js';
import type { ApiRuntime } from '../../apps/api/src/app.module.js';
import { TEST_SECRET } from './support/api-harness.js';
import { INQUIRY, PROMISED_MATTER, tokens, type Tokens } from './support/case-fixtures.js';

interface Running {
  readonly runtime: ApiRuntime;
  readonly app: INestApplication;
  readonly url: string;
}

type Answer = { status: number; body: Record<string, unknown> };

describe('CLOCK_START: a manual clock that starts in the past, and never behind the store', () => {
  let dir: string;
  let api: Running | undefined;
  let t: Tokens;

  async function start(clockStart: string): Promise<Running> {
    const config = loadConfig({
      CLOCK: 'manual',
      CLOCK_START: clockStart,
      EVENT_STORE_URL: `pglite://${dir}`,
      AUTH_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'silent',
      CONFIGURATION_POLL_MS: '50',
    });
    const runtime = await openRuntime(config);
    const app = await createApiApplication(runtime);
    await app.listen(0, '127.0.0.1');
    return { runtime, app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  }

  async function stop(): Promise<void> {
    if (!api) return;
    await api.app.close();
    await api.runtime.store.close();
    api = undefined;
  }

  async function call(method: string, path: string, token: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${api!.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function ok(method: string, path: string, token: string, body?: unknown): Promise<Answer['body']> {
    const res = await call(method, path, token, body);
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  const firstEvent = (answer: Answer['body']): { occurredAt: string; data: Record<string, unknown> } =>
    (answer.events as { occurredAt: string; data: Record<string, unknown> }[])[0]!;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'clock-start-'));
    t = await tokens();
  });

  afterAll(async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  });

  let caseId: string;

  it('T4: started at CLOCK_START=2025-09-30T10:00:00+08:00, a 5-day case accepted then is due 2025-10-14T17:30+08:00', async () => {
    api = await start('2025-09-30T10:00:00+08:00');
    await ok('PUT', '/admin/matters/M-001', t.admin, PROMISED_MATTER);
    caseId = (await ok('POST', '/cases/inquiries', t.window, INQUIRY)).caseId as string;
    await ok('POST', `/cases/${caseId}/application`, t.window, {
      matterCode: 'M-001',
      materials: [
        { code: 'id', name: '身份证' },
        { code: 'lease', name: '场地租赁合同' },
      ],
    });
    const accepted = firstEvent(
      await ok('POST', `/cases/${caseId}/acceptance`, t.window, { receiptNo: 'SL-1' }),
    );
    expect(parseInstant(accepted.occurredAt)).toBe(parseInstant('2025-09-30T10:00:00+08:00'));
    // 10-01…10-08 National Day and Mid-Autumn; Saturday 10-11 a working day (T2, T4).
    expect(accepted.data).toMatchObject({ limitDays: 5 });
    expect(parseInstant(accepted.data.deadline as string)).toBe(parseInstant('2025-10-14T17:30:00+08:00'));
  });

  it('U2: restarted with a CLOCK_START before the last event, the clock starts at that event, and a step without occurredAt is not dated before the case’s last step', async () => {
    await ok('POST', '/admin/clock', t.admin, { now: '2025-10-09T09:00:00+08:00' });
    await ok('POST', `/cases/${caseId}/suspensions`, t.window, {
      type: 'testing',
      reason: '样品送检',
      expectedDays: 3,
      applicantNotifiedAt: '2025-10-09T09:00:00+08:00',
    });
    await stop();

    api = await start('2025-09-30T10:00:00+08:00');
    const back = await call('POST', '/admin/clock', t.admin, { now: '2025-10-09T08:59:00+08:00' });
    expect(back).toMatchObject({ status: 409, body: { code: 'CLOCK_MOVES_FORWARD_ONLY' } });
    expect(back.body.detail).toContain('2025-10-09T09:00:00+08:00');

    const resumed = firstEvent(await ok('POST', `/cases/${caseId}/suspensions/1/resumption`, t.window, {}));
    expect(parseInstant(resumed.occurredAt)).toBe(parseInstant('2025-10-09T09:00:00+08:00'));
  });
});
