/**
 * Starts the API in-process on port 0 against a real store (test/support/api-stand.ts): PGlite in a
 * temporary folder, or a fresh PostgreSQL database on the server of PG_TEST_URL (default the local
 * one), dropped afterwards. CLOCK=manual, so tests move time through POST /admin/clock.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { StaffRole } from '#domain/actor/actor.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import type { ManualClock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { createApiLogger } from '../../../apps/api/src/logging/api-logger.js';
import type { ApiRuntime } from '../../../apps/api/src/app.module.js';
import { openRuntime } from '../../../apps/api/src/runtime/open-runtime.js';
import {
  clockMover,
  openTestStore,
  secondApi,
  serveApi,
  testConfig,
  TEST_SECRET,
  TEST_START,
  type StoreKind,
} from '../../support/api-stand.js';
import {
  httpRequest,
  type ApiResponse,
  type HttpRequest,
  type RequestOptions,
} from '../../support/http-request.js';

export { TEST_SECRET, TEST_START, type StoreKind };
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
  const { clock, store, close: closeStore } = await openTestStore(kind, start);
  const logger = createApiLogger(options.logLevel ?? 'error', options.log);
  const runtime = await openRuntime(testConfig(options.env), { store, clock, logger });
  const api = await serveTestApi(runtime, { store, clock }, { ...runtime, logger: createApiLogger('error') });
  return {
    ...api,
    async close() {
      await api.app.close();
      await closeStore();
    },
  };
}

/**
 * Serves `runtime` on port 0 and answers a suite's handle of it but `close` (the suite's, which
 * stops `app` and what it opened): requests as the admin, another instance on `second`, the clock
 * moved through the API.
 */
export async function serveTestApi(
  runtime: ApiRuntime,
  { store, clock }: { readonly store: EventStore; readonly clock: ManualClock },
  second: ApiRuntime = runtime,
): Promise<Omit<TestApi, 'close'>> {
  const { app, url } = await serveApi(runtime);
  const request = httpRequest(url, await tokenFor('admin'));
  return {
    url,
    store,
    clock,
    app,
    request,
    secondInstance: () => secondApi(second),
    setClock: clockMover(request),
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
