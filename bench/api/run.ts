/**
 * `npm run bench:api` (issue 5.7): the API as `npm start` runs it (its own process) on the
 * PostgreSQL server, loaded by autocannon with 32 connections for 20 s on the case mix of
 * case-mix.ts; then, in the same run, the store-only append rate of the same events. Prints
 * commands/s and p50/p99 latency, the CPU a command costs the API process and its PostgreSQL
 * backends and an append the store-only writer and its backends (Linux, a server on this machine;
 * other load changes these far less than the rates); then the HTTP floor (http-floor.ts): the same
 * load on a Nest app that answers without work, on Fastify (the API's platform) and on Express.
 * Its last line is a JSON object: { commandsPerSec, p50Ms, p99Ms, storeOnlyPerSec,
 * ratioVsStoreOnly, httpFloorPerSec, floorVsStoreOnly, commandsVsFloor, httpFloorExpressPerSec,
 * floorCpuMs: { express, fastify } } (CPU ms a request of the floor's process; null where /proc
 * cannot be read).
 *
 * PG_BENCH_URL (or PG_TEST_URL; default postgres://postgres@127.0.0.1:5432/postgres) names a server
 * where the bench may create and drop its own database. BENCH_DURATION_S and BENCH_CONNECTIONS
 * override 20 and 32; BENCH_WARMUP_S runs that many seconds of the same load first, uncounted
 * (default 0); the API process and the HTTP floor run with production's node flags (package.json
 * `config.nodeFlags`), BENCH_API_NODE_ARGS adds more after them (e.g. --cpu-prof);
 * BENCH_PROJECTOR=in-process runs the projector and supervision in the API's process, as npm start;
 * BENCH_API_PROCESSES=n loads n API processes on the same database, the connections split
 * (api-processes.ts), and the JSON then says `apiProcesses`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { DEV_IDENTITIES, staffClaimsOf } from '../../apps/api/src/console/dev-login/dev-identities.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import {
  apisCpuMs,
  loadAll,
  startApis,
  stopApis,
  untilMatterKnown,
  type ApiProcess,
} from './api-processes.js';
import { MATTER, MATTER_CODE } from './case-mix.js';
import { backendsCpuMs, backendsSpentMs } from './cpu-time.js';
import { storeOnlyAppendRate } from './store-only-append.js';
import { httpFloor, type HttpFloor } from './http-floor.js';
import { scratchPostgresDatabase } from '../support/scratch-postgres.js';

const ADMIN_URL =
  process.env.PG_BENCH_URL || process.env.PG_TEST_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
// Seconds of the same load before the measured run, not counted: on a loaded machine a short run's
// CPU per command is mostly the JIT's first compilations (issue 13). Default 0: as before.
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 0);
// How many API processes share the load (api-processes.ts); default 1, as npm start runs it.
const PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 1);
if (!Number.isSafeInteger(PROCESSES) || PROCESSES < 1 || PROCESSES > CONNECTIONS)
  throw new Error(`BENCH_API_PROCESSES is a whole number from 1 to ${CONNECTIONS}`);
const SECRET = `bench-${randomBytes(24).toString('hex')}`;
const MAIN = fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url));

async function main(): Promise<void> {
  const database = await scratchPostgresDatabase('api_bench', ADMIN_URL);
  const dataDir = await mkdtemp(join(tmpdir(), 'api-bench-'));
  let apis: ApiProcess[] = [];
  try {
    apis = await startApis(
      PROCESSES,
      MAIN,
      {
        EVENT_STORE_URL: database.url,
        AUTH_JWT_SECRET: SECRET,
        CLOCK: 'system',
        LOG_LEVEL: 'warn',
        // The API alone, as issue 5 measures it (npm start also projects every event in this
        // process: BENCH_PROJECTOR=in-process measures that); its read store under a temp folder.
        PROJECTOR: process.env.BENCH_PROJECTOR ?? 'off',
      },
      dataDir,
    );

    // The development login's admin and window clerk (center-1, dept-market, win-3).
    const adminToken = await signStaffToken(staffClaimsOf(DEV_IDENTITIES.admin, 'admin'), SECRET);
    const windowToken = await signStaffToken(staffClaimsOf(DEV_IDENTITIES.window, 'window'), SECRET);
    const defined = await fetch(`${apis[0]!.url}/admin/matters/${MATTER_CODE}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(MATTER),
    });
    if (defined.status !== 201)
      throw new Error(`defining the matter: ${defined.status} ${await defined.text()}`);
    if (apis.length > 1) await untilMatterKnown(apis, windowToken);

    if (WARMUP_S > 0) await loadAll(apis, CONNECTIONS, WARMUP_S, windowToken);
    console.log(
      `HTTP: ${CONNECTIONS} connections, ${DURATION_S} s${WARMUP_S > 0 ? ` after ${WARMUP_S} s warm-up` : ''}, register → apply → accept → complete, PostgreSQL` +
        (apis.length > 1 ? `, ${apis.length} API processes (a port each, the connections split)` : ''),
    );
    const apiCpuBefore = await apisCpuMs(apis);
    const backendsBefore = await backendsCpuMs(ADMIN_URL, database.name);
    const loadCpuBefore = process.cpuUsage();
    const result = await loadAll(apis, CONNECTIONS, DURATION_S, windowToken);
    const loadCpu = process.cpuUsage(loadCpuBefore);
    const commandsPerSec = result['2xx'] / DURATION_S;
    console.log(
      `  commands/s ${commandsPerSec.toFixed(0)}  p50 ${result.p50} ms  p99 ${result.p99} ms  ` +
        `(2xx ${result['2xx']}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    );
    const apiCpuAfter = await apisCpuMs(apis);
    const backendsMs = backendsSpentMs(backendsBefore, await backendsCpuMs(ADMIN_URL, database.name));
    if (apiCpuBefore !== undefined && apiCpuAfter !== undefined && result['2xx'] > 0)
      console.log(
        `  CPU ms a command: API process${apis.length > 1 ? 'es' : ''} ${((apiCpuAfter - apiCpuBefore) / result['2xx']).toFixed(3)}, ` +
          `its PostgreSQL backends ${(backendsMs / result['2xx']).toFixed(3)}, ` +
          `the load (autocannon, this process) ${((loadCpu.user + loadCpu.system) / 1000 / result['2xx']).toFixed(3)}`,
      );
    await stopApis(apis);
    apis = [];

    // The same events, straight to the store: templates from a case the HTTP phase recorded.
    const store = await createEventStore(database.url);
    try {
      const page = await store.readAll('00000000000000000000:00000000000000000000', {
        filter: {
          eventTypes: ['InquiryRegistered', 'ApplicationReceived', 'ApplicationAccepted', 'CaseCompleted'],
        },
        batchSize: 400,
      });
      const completed = page.events.find((e) => e.type === 'CaseCompleted');
      if (!completed) throw new Error('the HTTP phase completed no case');
      const templates = await store.readStream(completed.streamId);
      console.log(
        `store only: ${CONNECTIONS} writers, ${DURATION_S} s, the same ${templates.length} events per case`,
      );
      const cpuBefore = process.cpuUsage();
      const storeBackendsBefore = await backendsCpuMs(ADMIN_URL, database.name);
      const storeOnly = await storeOnlyAppendRate(store, templates, CONNECTIONS, DURATION_S * 1000);
      const storeBackendsMs = backendsSpentMs(
        storeBackendsBefore,
        await backendsCpuMs(ADMIN_URL, database.name),
      );
      const { user, system } = process.cpuUsage(cpuBefore);
      console.log(`  appends/s ${storeOnly.appendsPerSec.toFixed(0)}`);
      if (storeBackendsMs > 0)
        console.log(
          `  CPU ms an append: this process ${((user + system) / 1000 / storeOnly.appends).toFixed(3)}, ` +
            `its PostgreSQL backends ${(storeBackendsMs / storeOnly.appends).toFixed(3)}`,
        );
      // The framework alone, answering the same load without work: how far from the store-only rate
      // an API on it can be, measured in the same run; on Fastify too, what the platform costs.
      const floors = { express: await floorOn('express'), fastify: await floorOn('fastify') };
      // The API runs on Fastify (issue 13); Express, its platform before, is the peer.
      const floor = floors.fastify;
      const summary = {
        commandsPerSec: Math.round(commandsPerSec),
        p50Ms: result.p50,
        p99Ms: result.p99,
        storeOnlyPerSec: Math.round(storeOnly.appendsPerSec),
        ratioVsStoreOnly: Number((commandsPerSec / storeOnly.appendsPerSec).toFixed(3)),
        httpFloorPerSec: Math.round(floor.requestsPerSec),
        floorVsStoreOnly: Number((floor.requestsPerSec / storeOnly.appendsPerSec).toFixed(3)),
        commandsVsFloor: Number((commandsPerSec / floor.requestsPerSec).toFixed(3)),
        httpFloorExpressPerSec: Math.round(floors.express.requestsPerSec),
        floorCpuMs: {
          express: roundedCpu(floors.express.cpuMsPerRequest),
          fastify: roundedCpu(floors.fastify.cpuMsPerRequest),
        },
        ...(PROCESSES > 1 && { apiProcesses: PROCESSES }),
      };
      console.log(JSON.stringify(summary));
    } finally {
      await store.close();
    }
  } finally {
    await stopApis(apis);
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The HTTP floor on one platform, printed as it is measured. */
async function floorOn(platform: 'express' | 'fastify'): Promise<HttpFloor> {
  console.log(
    `HTTP floor on ${platform}: the same ${CONNECTIONS} connections and routes, a Nest app that does nothing`,
  );
  const floor = await httpFloor({
    platform,
    connections: CONNECTIONS,
    durationS: DURATION_S,
    warmupS: WARMUP_S,
  });
  console.log(
    `  requests/s ${floor.requestsPerSec.toFixed(0)}` +
      (floor.cpuMsPerRequest !== undefined
        ? `  CPU ms a request: its process ${floor.cpuMsPerRequest.toFixed(3)}`
        : ''),
  );
  return floor;
}

const roundedCpu = (ms: number | undefined): number | null =>
  ms === undefined ? null : Number(ms.toFixed(3));

await main();
