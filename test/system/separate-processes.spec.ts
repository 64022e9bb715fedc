/**
 * The deployment beside `npm start` (DESIGN.md "Processes"): an API process with PROJECTOR=off and a
 * projector process (apps/projector/src/main.ts, which runs supervision too), each started from its
 * entry point as a child process, sharing a PostgreSQL event store and a FerretDB read store. The
 * API answers commands at once and serves the views the other process builds: a query with
 * `minPosition` waits for them; GET /health reports the projector's lag from the shared stores.
 */
import { parseInstant } from '#domain/calendar/index.js';
import { freeTcpPort } from '#infra/read-store/ferretdb/free-tcp-port.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import { TEST_SECRET } from '../api/support/api-harness.js';
import { acceptedCaseOver, tokens, type Tokens } from '../api/support/case-fixtures.js';
import { startChild, type Child } from '../projector/support/child-process.js';
import { postgresEventStore, type TestEventStore } from '../projector/support/test-event-store.js';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';
import { callsTo } from '../support/http-request.js';

describe('an API process and a projector process on shared PostgreSQL and FerretDB', () => {
  let events: TestEventStore;
  let server: TestReadServer;
  let read: ReadStore;
  let api: Child;
  let projector: Child;
  let url: string;
  let t: Tokens;

  // The API's address is known once it listens (beforeAll).
  const { call, ok } = callsTo(() => url);

  beforeAll(async () => {
    events = await postgresEventStore();
    server = await startTestReadServer();
    read = await server.database('split_processes');
    const shared = {
      EVENT_STORE_URL: events.url,
      MONGODB_URI: `${server.uri.replace(/\/$/, '')}/${read.db.databaseName}`,
      AUTH_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'info',
    };
    const port = await freeTcpPort();
    projector = startChild('apps/projector/src/main.ts', [], { ...shared, SUPERVISION_INTERVAL_MS: '500' });
    api = startChild('apps/api/src/main.ts', [], { ...shared, PROJECTOR: 'off', PORT: String(port) });
    await Promise.all([projector.waitFor(/projector started/), api.waitFor(/API listening on/)]);
    url = `http://127.0.0.1:${port}`;
    t = await tokens();
  }, 150_000);

  afterAll(async () => {
    for (const child of [api, projector])
      if (child && child.process.exitCode === null) {
        child.process.kill('SIGKILL');
        await child.exited;
      }
    await server?.close();
    await events?.close();
  });

  it('the API process runs no projector; the projector process builds the views it serves', async () => {
    expect(api.output()).toMatch(/API running \(projector processes run elsewhere\)/);
    expect(api.output()).not.toMatch(/projection lease taken/);

    const { caseId, accepted } = await acceptedCaseOver(ok, t);

    const view = await ok('GET', `/cases/${caseId}?minPosition=${accepted.position as string}`, t.supervisor);
    expect(view).toMatchObject({ caseId, status: 'accepted', revision: accepted.revision });
    expect(parseInstant(view.deadline as string)).toBeGreaterThan(parseInstant(view.acceptedAt as string));
    // The projector process wrote it: its log names the projections it leased.
    expect(projector.output()).toMatch(/projection lease taken/);

    let health = await call('GET', '/health', null);
    for (let i = 0; i < 100 && health.body.projectorLag !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await call('GET', '/health', null);
    }
    expect(health).toMatchObject({
      status: 200,
      body: { status: 'ok', eventStore: 'ok', readStore: 'ok', projectorLag: 0 },
    });
  }, 60_000);

  it('both processes stop cleanly on SIGTERM', async () => {
    api.process.kill('SIGTERM');
    projector.process.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(await projector.exited).toBe(0);
  }, 30_000);
});
