/**
 * The API processes bench:api loads: one as `npm start` runs it, or BENCH_API_PROCESSES of them on
 * the same database, a port each, the connections split between them (issue 13: would several
 * processes on the same cores reach the store-only rate sooner?). Each connection keeps to one
 * process, so a case's four commands meet the stream cache of the process that registered it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { caseMix, MATTER_CODE } from './case-mix.js';
import { freePort, stopChild, waitForHealth } from './child-server.js';
import { processCpuMs } from './cpu-time.js';
import { benchNodeFlags } from '../support/node-flags.js';

export interface ApiProcess {
  readonly child: ChildProcess;
  readonly url: string;
}

export async function startApis(
  count: number,
  main: string,
  env: Record<string, string>,
  dataDir: string,
): Promise<ApiProcess[]> {
  const apis: ApiProcess[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const child = spawn(
        process.execPath,
        // As `scripts/start` runs it (node-flags.ts).
        [...benchNodeFlags('api'), main],
        {
          env: {
            ...process.env,
            ...env,
            PORT: String(port),
            DATA_DIR: count === 1 ? dataDir : join(dataDir, `${i}`),
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      );
      const api = { child, url: `http://127.0.0.1:${port}` };
      apis.push(api);
      await waitForHealth(api.url, child);
    }
    return apis;
  } catch (error) {
    await stopApis(apis);
    throw error;
  }
}

export async function stopApis(apis: readonly ApiProcess[]): Promise<void> {
  await Promise.all(apis.map((api) => stopChild(api.child)));
}

/**
 * Until every process knows the matter defined through the first: each reads configuration events
 * every CONFIGURATION_POLL_MS (1 s). An application on a new inquiry is the probe; at most 10 s.
 */
export async function untilMatterKnown(apis: readonly ApiProcess[], token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  for (const { url } of apis) {
    const [inquiry, application] = caseMix();
    const registered = await fetch(`${url}${inquiry!.path}`, {
      method: 'POST',
      headers,
      body: inquiry!.body,
    });
    if (registered.status !== 201) throw new Error(`${url}: the probe inquiry answered ${registered.status}`);
    const { caseId } = (await registered.json()) as { caseId: string };
    // The case mix's own path for the step, not one written again here.
    const { path } = application!.setupRequest!({ ...application! }, { caseId });
    for (let waited = 0; ; waited += 200) {
      const applied = await fetch(`${url}${path}`, {
        method: 'POST',
        headers,
        body: application!.body,
      });
      if (applied.status === 201) break;
      if (waited >= 10_000) throw new Error(`${url} does not know matter ${MATTER_CODE}: ${applied.status}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** The case mix on every process at once, the connections split between them; results summed. */
export async function loadAll(
  apis: readonly ApiProcess[],
  connections: number,
  durationS: number,
  token: string,
): Promise<Pick<Result, '2xx' | 'non2xx' | 'errors' | 'timeouts'> & { p50: number; p99: number }> {
  const results = await Promise.all(
    apis.map((api, i) =>
      autocannon({
        url: api.url,
        // 32 over 3: 11, 11, 10.
        connections: Math.floor(connections / apis.length) + (i < connections % apis.length ? 1 : 0),
        duration: durationS,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        requests: caseMix(),
      }),
    ),
  );
  const sum = (key: '2xx' | 'non2xx' | 'errors' | 'timeouts'): number =>
    results.reduce((total, result) => total + result[key], 0);
  return {
    '2xx': sum('2xx'),
    non2xx: sum('non2xx'),
    errors: sum('errors'),
    timeouts: sum('timeouts'),
    // Latency percentiles of one process when there is one; the worst process's otherwise.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
  };
}

/** CPU milliseconds of all the processes together; undefined when one cannot be read. */
export async function apisCpuMs(apis: readonly ApiProcess[]): Promise<number | undefined> {
  const each = await Promise.all(apis.map((api) => processCpuMs(api.child.pid ?? 0)));
  return each.includes(undefined) ? undefined : each.reduce<number>((total, ms) => total + (ms ?? 0), 0);
}
