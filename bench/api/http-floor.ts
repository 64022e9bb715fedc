/**
 * The HTTP floor (issue 13): the bench's load on http-floor-app.ts, a Nest application that answers
 * the same routes without doing anything, on the API's platform (Fastify) or on Express, its platform before. What it
 * answers per second bounds what any API on that platform can answer on this machine under the
 * same load; the CPU per request is what the platform alone costs a command.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { caseMix } from './case-mix.js';
import { freePort, stopChild, waitForHealth } from './child-server.js';
import { processCpuMs } from './cpu-time.js';
import { productionNodeFlags } from '../support/node-flags.js';

const FLOOR_APP = fileURLToPath(new URL('./http-floor-app.js', import.meta.url));

export interface HttpFloor {
  readonly requestsPerSec: number;
  /** CPU of the floor's process per answered request; undefined where /proc cannot be read. */
  readonly cpuMsPerRequest: number | undefined;
}

export async function httpFloor(options: {
  readonly platform: 'express' | 'fastify';
  readonly connections: number;
  readonly durationS: number;
  readonly warmupS: number;
}): Promise<HttpFloor> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The API's own node flags, so the floor and the API differ only in the work they do.
  const app = spawn(process.execPath, [...productionNodeFlags('api'), FLOOR_APP], {
    env: { ...process.env, PORT: String(port), FLOOR_PLATFORM: options.platform },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(url, app);
    const load = (duration: number) =>
      autocannon({
        url,
        connections: options.connections,
        duration,
        headers: { 'content-type': 'application/json' },
        requests: caseMix(),
      });
    if (options.warmupS > 0) await load(options.warmupS);
    const cpuBefore = await processCpuMs(app.pid ?? 0);
    const result = await load(options.durationS);
    const cpuAfter = await processCpuMs(app.pid ?? 0);
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`the HTTP floor answered ${result.non2xx} non-2xx and ${result.errors} errors`);
    const answered = result['2xx'];
    return {
      requestsPerSec: answered / options.durationS,
      cpuMsPerRequest:
        cpuBefore !== undefined && cpuAfter !== undefined && answered > 0
          ? (cpuAfter - cpuBefore) / answered
          : undefined,
    };
  } finally {
    await stopChild(app);
  }
}
