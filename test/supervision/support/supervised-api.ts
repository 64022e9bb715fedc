/**
 * The API as `npm start` runs it with supervision, in-process for the HTTP tests: PGlite in a
 * temporary folder, CLOCK=manual (POST /admin/clock runs a supervision tick before it answers), a
 * short alert heartbeat, and the supervision loop on the due-case query the test chooses.
 * Answers the `TestApi` of test/api/support, so the case fixtures there work unchanged.
 */
import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from 'mongodb';
import { parseInstant } from '#domain/calendar/index.js';
import { ManualClock } from '#infra/clock/clock.js';
import { loadConfig } from '#infra/config/app-config.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createEventStore } from '#infra/event-store/create-event-store.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { createApiApplication } from '../../../apps/api/src/api-application.js';
import { createApiLogger } from '../../../apps/api/src/logging/api-logger.js';
import { openRuntime } from '../../../apps/api/src/runtime/open-runtime.js';
import { CaseSupervisor } from '../../../apps/projector/src/supervision/case-supervisor.js';
import type { CompletionLedger } from '../../../apps/projector/src/supervision/completion-ledger.port.js';
import type { DueCases } from '../../../apps/projector/src/supervision/due-cases.port.js';
import { LateCompletionCheck } from '../../../apps/projector/src/supervision/late-completion-check.js';
import type { SupervisionConfiguration } from '../../../apps/projector/src/supervision/supervision-configuration.js';
import { SupervisionLoop } from '../../../apps/projector/src/supervision/supervision-loop.js';
import { TEST_SECRET, TEST_START, tokenFor, type TestApi } from '../../api/support/api-harness.js';
import { InMemoryCompletionLedger } from './in-memory-completion-ledger.js';
import { InMemoryDueCases } from './in-memory-due-cases.js';

export interface SupervisedApiOptions {
  readonly start?: string;
  readonly heartbeatMs?: number;
  readonly dueCases?: (store: EventStore, configuration: SupervisionConfiguration) => DueCases;
  readonly completionLedger?: () => CompletionLedger;
  /** The read store's database for the audit views (GET /views/audit/backdated). */
  readonly readStoreDb?: Db;
}

export interface SupervisedApi extends TestApi {
  readonly loop: SupervisionLoop;
  readonly configuration: ConfigurationCache;
  /** Another supervision loop on the same store (as in a second projector process). */
  secondLoop(): SupervisionLoop;
}

export async function startSupervisedApi(options: SupervisedApiOptions = {}): Promise<SupervisedApi> {
  const clock = new ManualClock(parseInstant(options.start ?? TEST_START));
  const dir = await mkdtemp(join(tmpdir(), 'supervision-test-'));
  const store = await createEventStore(`pglite://${dir}`, {
    clock: () => new Date(clock.now()),
    pollIntervalMs: 50,
  });
  const config = loadConfig({
    CLOCK: 'manual',
    AUTH_JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'error',
    CONFIGURATION_POLL_MS: '50',
  });
  const runtime = await openRuntime(config, { store, clock, logger: createApiLogger('error') });
  const app = await createApiApplication({
    ...runtime,
    alertHeartbeatMs: options.heartbeatMs ?? 200,
    // `loop` is created below, before the first request can reach this.
    supervision: { tick: (o) => loop.tick(o) },
    ...(options.readStoreDb && { readStoreDb: options.readStoreDb }),
  });
  const configuration = app.get(ConfigurationCache);
  const makeDue = options.dueCases ?? ((s, c) => new InMemoryDueCases(s, c));
  const makeLedger = options.completionLedger ?? (() => new InMemoryCompletionLedger());
  const newLoop = (): SupervisionLoop => {
    const supervisor = new CaseSupervisor(store, configuration);
    return new SupervisionLoop({
      dueCases: makeDue(store, configuration),
      supervisor,
      clock,
      lateCompletions: new LateCompletionCheck(store, makeLedger(), supervisor, configuration),
    });
  };
  const loop = newLoop();
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const adminToken = await tokenFor('admin');

  const request: TestApi['request'] = async (method, path, body, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? adminToken : opts.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined && headers['content-type'] === undefined)
      headers['content-type'] = 'application/json';
    const res = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(payload !== undefined && { body: payload }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON (CSV, HTML): the text itself
    }
    return { status: res.status, headers: res.headers, body: parsed as never };
  };

  return {
    url,
    store,
    clock,
    app,
    loop,
    configuration,
    request,
    secondLoop: newLoop,
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
      await loop.stop();
      await app.close();
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
