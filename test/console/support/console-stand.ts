/**
 * What the console's browser test runs against: the console compiled as `npm run build` does, the
 * real entry point (apps/api/src/main.ts, as `npm start`) on an empty DATA_DIR with its own PGlite
 * and local FerretDB, CLOCK=manual and AUTH_JWT_SECRET unset (so the development sign-in is
 * offered on loopback), and Debian's chromium driven by playwright-core — which never downloads a
 * browser (scripts/ensure-chromium.sh installs chromium when missing).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { StaffRole } from '#domain/actor/actor.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { DEV_JWT_SECRET } from '#infra/config/app-config.js';
import { freeTcpPort } from '#infra/read-store/ferretdb/free-tcp-port.js';
import { startChild, type Child } from '../../projector/support/child-process.js';
import { httpRequest, succeeding } from '../../support/http-request.js';
import { launchChromium } from '../../support/chromium.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/**
 * Where the page screenshots go: a temporary folder, so a test run leaves the work tree as it was;
 * `CONSOLE_SCREENSHOTS=docs/screenshots` (relative to the repository) refreshes the committed ones.
 */
const SCREENSHOTS = process.env.CONSOLE_SCREENSHOTS
  ? join(root, process.env.CONSOLE_SCREENSHOTS)
  : join(tmpdir(), 'console-screenshots');

export interface ConsoleStand {
  readonly url: string;
  readonly browser: Browser;
  readonly page: Page;
  /** A token signed with the development secret the child API uses. */
  token(role: StaffRole): Promise<string>;
  call<T = Record<string, unknown>>(
    method: string,
    path: string,
    role: StaffRole | null,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  ok<T = Record<string, unknown>>(method: string, path: string, role: StaffRole, body?: unknown): Promise<T>;
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

const CLAIMS: Readonly<
  Record<StaffRole, { name: string; centerId?: string; departmentId?: string; windowId?: string }>
> = {
  guide: { name: '赵导办', centerId: 'center-1' },
  proxy: { name: '钱代办', centerId: 'center-1' },
  window: { name: '王芳', centerId: 'center-1', departmentId: 'dept-market', windowId: 'win-3' },
  approver: { name: '孙审批', centerId: 'center-1', departmentId: 'dept-market' },
  supervisor: { name: '李督查', centerId: 'center-1' },
  auditor: { name: '周审计' },
  admin: { name: '吴管理', centerId: 'center-1' },
};

export async function startConsoleStand(clockStart: string): Promise<ConsoleStand> {
  // The console's modules, as `npm run build` compiles them into dist/console.
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'apps/console/tsconfig.json'],
    {
      cwd: root,
      stdio: 'pipe',
    },
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'console-'));
  const port = await freeTcpPort();
  const child: Child = startChild('apps/api/src/main.ts', [], {
    DATA_DIR: dataDir,
    PORT: String(port),
    CLOCK: 'manual',
    CLOCK_START: clockStart,
    AUTH_JWT_SECRET: '',
    LOG_LEVEL: 'warn',
    SUPERVISION_INTERVAL_MS: '500',
    ALERTS_HEARTBEAT_MS: '1000',
    MONGODB_URI: '',
    EVENT_STORE_URL: '',
  });
  let browser: Browser | undefined;
  try {
    await child.waitFor(/API listening on/, 120_000);
    browser = await launchChromium();
  } catch (error) {
    child.process.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const url = `http://127.0.0.1:${port}`;
  await mkdir(SCREENSHOTS, { recursive: true });

  const token = (role: StaffRole): Promise<string> =>
    signStaffToken({ sub: `u-${role}`, role, ...CLAIMS[role] }, DEV_JWT_SECRET);
  const request = httpRequest(url, null);
  const call: ConsoleStand['call'] = async (method, path, role, body) =>
    request(method, path, body, { token: role === null ? null : await token(role) });
  return {
    url,
    browser,
    page,
    token,
    call,
    ok: async (method, path, role, body) =>
      succeeding(request)(method, path, body, { token: await token(role) }),
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser?.close();
      if (child.process.exitCode === null) {
        child.process.kill('SIGTERM');
        await child.exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
