/**
 * The process `npm start` runs (apps/api/src/main.ts), as a child process on an empty DATA_DIR with
 * no MONGODB_URI and no EVENT_STORE_URL: it brings up the API, the projector and supervision with
 * the embedded PGlite event store and a local FerretDB it starts itself (issue 6 "Done when"), and
 * stops FerretDB when it ends. With CLOCK=manual, a case accepted through the API shows in
 * /views/overdue once its deadline passes, a manager listening to /alerts/stream sees the yellow card
 * arrive (C2), and an auditor follows that card in the dossier to the events behind it (issue 7
 * "Done when").
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInstant } from '#domain/calendar/index.js';
import { freeTcpPort } from '#infra/read-store/ferretdb/free-tcp-port.js';
import { TEST_SECRET } from '../api/support/api-harness.js';
import { acceptedCaseOver, tokens, type Tokens } from '../api/support/case-fixtures.js';
import { alive, startChild, type Child } from '../projector/support/child-process.js';
import { openSse } from '../supervision/support/sse-client.js';
import { callsTo } from '../support/http-request.js';

const HOUR = 3_600_000;

/** 09:00 in Beijing on the Monday after `now` (the manual clock only moves forward). */
function nextMondayMorning(now: number): string {
  const beijing = new Date(now + 8 * HOUR);
  const daysAhead = ((8 - beijing.getUTCDay()) % 7) + 7;
  const day = new Date(
    Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() + daysAhead),
  );
  return `${day.toISOString().slice(0, 10)}T09:00:00+08:00`;
}

describe('npm start: API, projector, supervision and a local FerretDB in one process', () => {
  let dataDir: string;
  let child: Child;
  let url: string;
  let t: Tokens;

  // The API's address is known once it listens (beforeAll).
  const { call, ok } = callsTo(() => url);

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'npm-start-'));
    const port = await freeTcpPort();
    child = startChild('apps/api/src/main.ts', [], {
      DATA_DIR: dataDir,
      PORT: String(port),
      CLOCK: 'manual',
      AUTH_JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: 'warn',
      SUPERVISION_INTERVAL_MS: '500',
      ALERTS_HEARTBEAT_MS: '200',
      MONGODB_URI: '',
      EVENT_STORE_URL: '',
    });
    await child.waitFor(/API listening on/, 120_000);
    url = `http://127.0.0.1:${port}`;
    t = await tokens();
  }, 150_000);

  afterAll(async () => {
    if (child && child.process.exitCode === null) {
      child.process.kill('SIGKILL');
      await child.exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows an accepted case in /views/overdue once its deadline passes, with the yellow card on the alert stream and in the dossier', async () => {
    const start = nextMondayMorning(Date.now());
    await ok('POST', '/admin/clock', t.admin, { now: start });
    const { caseId, accepted } = await acceptedCaseOver(ok, t);

    // The view reaches the acceptance (minPosition waits for the projector).
    const view = await ok('GET', `/cases/${caseId}?minPosition=${accepted.position as string}`, t.supervisor);
    expect(view).toMatchObject({ caseId, status: 'accepted' });
    const deadline = view.deadline as string;
    expect(parseInstant(deadline)).toBeGreaterThan(parseInstant(start));
    expect((await ok('GET', '/views/overdue', t.supervisor)).items).toEqual([]);

    const alerts = await openSse(`${url}/alerts/stream`, { authorization: `Bearer ${t.supervisor}` });
    try {
      expect(alerts.status).toBe(200);
      // Two hours after the deadline: POST /admin/clock waits for the views, then runs a tick.
      await ok('POST', '/admin/clock', t.admin, {
        now: new Date(parseInstant(deadline) + 2 * HOUR).toISOString(),
      });
      const [yellow] = await alerts.waitFor(
        (f) => f.data !== undefined && (JSON.parse(f.data) as { level?: string }).level === 'yellow',
        1,
        20_000,
      );
      expect(JSON.parse(yellow!.data!)).toMatchObject({ caseId, level: 'yellow' });
    } finally {
      alerts.close();
    }

    const overdue = await ok('GET', '/views/overdue', t.supervisor);
    expect(overdue.items).toEqual([
      expect.objectContaining({ caseId, deadline, departmentId: 'dept-market' }),
    ]);
    // Overdue as the card says (C2), though at 19:30 no office minute has passed since 17:30.
    expect(overdue.items).toEqual([expect.objectContaining({ level: 'yellow', overdueBy: 0 })]);

    const dossier = (await ok('GET', `/cases/${caseId}/dossier`, t.auditor)) as {
      timeline: { eventId: string; type: string }[];
      cards: { level: string; eventId: string; causedBy: string[] }[];
      integrity: { ok: boolean };
    };
    const card = dossier.cards.find((c) => c.level === 'yellow')!;
    const eventIds = new Set(dossier.timeline.map((e) => e.eventId));
    expect(eventIds.has(card.eventId)).toBe(true);
    expect(card.causedBy.length).toBeGreaterThan(0);
    for (const cause of card.causedBy) expect(eventIds.has(cause)).toBe(true);
    expect(dossier.timeline.find((e) => e.eventId === card.causedBy[0])!.type).toBe('ApplicationAccepted');
    expect(dossier.integrity.ok).toBe(true);
  }, 120_000);

  it('reports the read store it started and each projection with its lag on GET /health', async () => {
    // The supervision's card was appended a moment ago: the lag reaches 0 once it is projected.
    let health = await call<Record<string, unknown>>('GET', '/health', null);
    for (let i = 0; i < 100 && health.body.projectorLag !== 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      health = await call<Record<string, unknown>>('GET', '/health', null);
    }
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'ok',
      clock: 'manual',
      eventStore: 'ok',
      readStore: 'ok',
      projectorLag: 0,
    });
    expect(health.body.projections).toEqual(
      expect.arrayContaining([expect.objectContaining({ projection: 'case-views', lag: 0 })]),
    );
  });

  it('stops the FerretDB it started when it is told to stop', async () => {
    const running = JSON.parse(await readFile(join(dataDir, 'ferretdb', 'ferretdb.json'), 'utf8')) as {
      pid: number;
    };
    expect(alive(running.pid)).toBe(true);
    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    expect(alive(running.pid)).toBe(false);
  }, 60_000);
});
