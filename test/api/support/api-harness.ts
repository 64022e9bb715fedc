/**
 * Starts the API in-process on port 0 against a real store: PGlite in a temporary folder, or a fresh
 * PostgreSQL database `api_test_<hex>` on the server of PG_TEST_URL (default the local one), dropped
 * afterwards. CLOCK=manual, so tests move time through POST /admin/clock.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pg from 'pg';
import type { StaffRole } from '#domain/actor/actor.js';
import { parseInstant } from '#domain/calendar/index.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { ManualClock } from '#infra/clock/clock.js';
import { loadConfig } from '#infra/config/app-config.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { createApiApplication } from '../../../apps/api/src/api-application.js';
import { createApiLogger } from '../../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../../apps/api/src/runtime/open-runtime.js';
import {
  httpRequest,
  type ApiResponse,
  type HttpRequest,
  type RequestOptions,
} from '../../support/http-request.js';

export type StoreKind = 'pglite' | 'postgres';

export const TEST_SECRET = 'api-test-secret-至少三十二个字节-0123456789abcdef';
/** Monday 2026-03-02 09:00 in Shanghai: a working day in the built-in calendar. */
export const TEST_START = '2026-03-02T09:00:00+08:00';

export type { ApiResponse, RequestOptions };

export interface TestApi {
  readonly url: string;
  readonly store: EventStore;
  readonly clock: ManualClock;
  readonly app: INestApplication;
  readonly request: HttpRequest;
  /** Another API process on the same store (its own caches), answering at `url`. */
  secondInstance(): Promise<{ url: string; close(): Promise<void> }>;
  /** Moves the manual clock through the API, as an admin. */
  setClock(iso: string): Promise<void>;
  close(): Promise<void>;
}

const ADMIN_DB_URL = (): string => process.env.PG_TEST_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_DB_URL() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * An event store of the test's own on `clock`: PGlite in a temporary folder, or a fresh PostgreSQL
 * database `api_test_<hex>`; `cleanup` (after `store.close()`) removes the folder or drops the database.
 */
export async function openTestStore(
  kind: StoreKind,
  clock: ManualClock,
): Promise<{ store: EventStore; cleanup: () => Promise<void> }> {
  const storeOptions = { clock: () => new Date(clock.now()), pollIntervalMs: 50 };
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'api-test-'));
    return {
      store: await createEventStore(`pglite://${dir}`, storeOptions),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const database = `api_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_DB_URL());
  url.pathname = `/${database}`;
  return {
    store: await createEventStore(url.toString(), { ...storeOptions, maxConnections: 20 }),
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}

export interface StartApiOptions {
  /** More environment for loadConfig (AUTH_JWT_ISSUER …). */
  readonly env?: Record<string, string>;
  /** Where the API logs (JSON lines), at `logLevel` (default error). */
  readonly log?: NodeJS.WritableStream;
  readonly logLevel?: 'error' | 'info' | 'debug';
}

export async function startApi(
  kind: StoreKind,
  start: string = TEST_START,
  options: StartApiOptions = {},
): Promise<TestApi> {
  const clock = new ManualClock(parseInstant(start));
  const { store, cleanup } = await openTestStore(kind, clock);
  const config = loadConfig({
    CLOCK: 'manual',
    AUTH_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    CONFIGURATION_POLL_MS: '50',
    ...options.env,
  });
  const logger = createApiLogger(options.logLevel ?? 'error', options.log);
  const runtime = await openRuntime(config, { store, clock, logger });
  const app = await createApiApplication(runtime);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const adminToken = await tokenFor('admin');

  const request = httpRequest(url, adminToken);

  return {
    url,
    store,
    clock,
    app,
    request,
    async secondInstance() {
      const second = await createApiApplication({ ...runtime, logger: createApiLogger('error') });
      await second.listen(0, '127.0.0.1');
      return { url: (await second.getUrl()).replace('[::1]', '127.0.0.1'), close: () => second.close() };
    },
    async setClock(iso) {
      const res = await request('POST', '/admin/clock', { now: iso });
      if (res.status !== 200) throw new Error(`clock: ${res.status} ${JSON.stringify(res.body)}`);
    },
    async close() {
      await app.close();
      await store.close();
      await cleanup();
    },
  };
}

export interface StaffIdentity {
  readonly sub?: string;
  readonly name?: string;
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
}

/** Default identities of the suite: one center, the market department's window 3. */
const DEFAULTS: Record<StaffRole, StaffIdentity> = {
  guide: { name: '导办员小李', departmentId: 'dept-service' },
  proxy: { name: '代办周杰', departmentId: 'dept-service' },
  window: { name: '窗口王芳', departmentId: 'dept-market', windowId: 'win-3' },
  approver: { name: '科长陈明', departmentId: 'dept-market' },
  supervisor: { name: '督查刘洋', departmentId: 'dept-office' },
  auditor: { name: '纪检孙丽', departmentId: 'dept-discipline' },
  admin: { name: '管理员赵敏' },
};

export function tokenFor(role: StaffRole, identity: StaffIdentity = {}): Promise<string> {
  const d = { ...DEFAULTS[role], ...identity };
  return signStaffToken(
    {
      sub: d.sub ?? `u-${role}`,
      name: d.name ?? role,
      role,
      centerId: d.centerId ?? 'center-1',
      ...(d.departmentId !== undefined && { departmentId: d.departmentId }),
      ...(d.windowId !== undefined && { windowId: d.windowId }),
    },
    TEST_SECRET,
  );
}

/** Whether the PostgreSQL server answers; the PostgreSQL half of a suite needs it (scripts/ensure-postgres.sh). */
export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];
