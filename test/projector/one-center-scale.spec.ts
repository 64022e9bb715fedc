/**
 * Issue 19, "Done when": many open cases in ONE center recorded through the API (HTTP over a real
 * socket, PGlite, the projector in the process, FerretDB), and the projector keeps up (lag 0), the
 * overdue view, the worklist and supervision answer for every case, paged. No document grows with
 * the center (the old center roster stopped the projector for good at 23,506 open cases).
 *
 * SCALE_TEST_CASES sets the number (default 1,000 to keep CI fast: through HTTP each case costs
 * three commands). SCALE_TEST_CASES=30000 measured 2026-11-30 on the two shared cores (load average
 * 12–15): 30,000 cases through HTTP in 1,747 s (52 commands/s), the projector caught up 0.4 s later;
 * the two tests, which read every case two and three times at 500 a page and tick 30,000 cases, then
 * ran past their 600 s and 900 s timeouts on that loaded machine (no assertion failed before).
 */
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { createApiLogger } from '../../apps/api/src/logging/api-logger.js';
import {
  READ_MODEL_HEALTH,
  type ReadModelHealth,
} from '../../apps/api/src/views/health/read-model-health.js';
import { createSupervision } from '../../apps/projector/src/supervision/create-supervision.js';
import { defineMatters, expectOk, INQUIRY, tokens, type Tokens } from '../api/support/case-fixtures.js';
import { startViewsApi, type ViewsApi } from './support/views-api.js';

const CASES = Number(process.env.SCALE_TEST_CASES ?? 1_000);
const IN_FLIGHT = 8;
type Page = { items: { caseId: string; level?: string }[]; nextCursor: string | null };

describe(`${CASES} open cases in one center through the API (FerretDB)`, () => {
  let api: ViewsApi;
  let t: Tokens;
  const ids: string[] = [];

  /** Every page of a list, as `token` reads it. */
  async function all(path: string, token: string): Promise<Page['items']> {
    const out: Page['items'] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res: { status: number; body: Page } = await api.request<Page>(
        'GET',
        `${path}${sep}limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        undefined,
        { token },
      );
      if (res.status !== 200) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
      out.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor !== null);
    return out;
  }

  beforeAll(async () => {
    api = await startViewsApi({ start: '2026-03-02T09:00:00+08:00' });
    t = await tokens();
    await defineMatters(api, t);
    const started = performance.now();
    let next = 0;
    const worker = async (): Promise<void> => {
      for (let i = next++; i < CASES; i = next++) {
        const { caseId } = await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.window);
        const id = caseId as string;
        await expectOk(
          api,
          'POST',
          `/cases/${id}/application`,
          { matterCode: 'M-001', materials: [{ code: 'id' }] },
          t.window,
        );
        await expectOk(api, 'POST', `/cases/${id}/acceptance`, { receiptNo: `SL-${i}` }, t.window);
        ids.push(id);
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    const recorded = performance.now() - started;
    await api.viewsCaughtUp();
    // Measured, for the issue-19 note: the rate through HTTP and the projector's catch-up.
    console.log(
      `${CASES} cases through HTTP in ${Math.round(recorded)} ms (${Math.round((CASES * 3) / (recorded / 1000))} commands/s); caught up ${Math.round(performance.now() - started - recorded)} ms later`,
    );
  }, 1_800_000);
  afterAll(() => api?.close());

  it('the projector keeps up: lag 0, one case view per case, the worklist lists them all (R1: the supervisor’s center)', async () => {
    expect(await api.app.get<ReadModelHealth>(READ_MODEL_HEALTH).report()).toMatchObject({ projectorLag: 0 });
    expect(await api.db.collection('case_views').countDocuments({ centerId: 'center-1', open: true })).toBe(
      CASES,
    );
    const listed = await all('/cases?status=accepted', t.supervisor);
    expect(listed.map((c) => c.caseId).sort()).toEqual([...ids].sort());
    const byDeadline = await all('/cases?sort=deadline&status=accepted', t.window);
    expect(byDeadline).toHaveLength(CASES);
  }, 600_000);

  it('past the deadline: every case in the overdue view, and one supervision tick gives each its yellow card (C2)', async () => {
    api.clock.set(Date.parse('2026-03-10T10:00:00+08:00'));
    const overdue = await all('/views/overdue', t.supervisor);
    expect(overdue.map((c) => c.caseId).sort()).toEqual([...ids].sort());
    expect(new Set(overdue.map((c) => c.level))).toEqual(new Set(['yellow']));

    const configuration = new ConfigurationCache(api.store, createApiLogger('silent'), 3_600_000);
    await configuration.start();
    try {
      const { loop, prepare } = createSupervision({
        store: api.store,
        db: api.db,
        configuration,
        clock: api.clock,
        options: { maxCasesPerTick: CASES + 100 },
      });
      await prepare();
      const report = await loop.tick();
      expect(report).toMatchObject({ due: CASES, appended: CASES, failed: 0 });
      await api.viewsCaughtUp();
      // The views moved on: nothing is due any more until the next step of the cards.
      expect((await loop.tick()).appended).toBe(0);
      const cards = await all('/views/cards?level=yellow', t.supervisor);
      expect(cards).toHaveLength(CASES);
    } finally {
      await configuration.onApplicationShutdown();
    }
  }, 900_000);
});
