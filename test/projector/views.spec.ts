/**
 * The views over HTTP (issue 6, API.md "Queries"), from the projector's read models on FerretDB:
 * GET /cases/{id}, /views/overdue, /views/cards, /views/accountability, /views/statistics, with
 * their filters, sorting, cursor pages, scope rules (a department sees its own), masking (I1),
 * `minPosition` waits and PROJECTION_LAG, and the projector's lag for GET /health.
 */
import {
  acceptedTaxCase,
  caseAt,
  defineTaxMatter,
  expectOk,
  INQUIRY,
  type Tokens,
} from '../api/support/case-fixtures.js';
import { explainCard } from '../api/support/case-steps.js';
import { runSupervision } from '../api/support/supervision-stand-in.js';
import {
  READ_MODEL_HEALTH,
  type ReadModelHealth,
} from '../../apps/api/src/views/health/read-model-health.js';
import { checkpointsOf } from '#infra/read-store/checkpoint-document.js';
import { PROJECTION_NAMES } from '#infra/read-store/read-model-collections.js';
import { startViewsApi, type ViewPage, type ViewsApi } from './support/views-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';

type Body = Record<string, unknown>;
type Page = ViewPage<Body>;

describe('views over the read models (FerretDB)', () => {
  let api: ViewsApi;
  let t: Tokens;
  /** Accepted Monday 2026-03-02 09:00 (5 working days: due Monday 2026-03-09 17:30). */
  let late: string;
  let lateToo: string;
  let completed: string;
  let taxCase: string;

  /** The two overdue market cases, in the order of their ids (the order of equal deadlines). */
  const market = (): string[] => [late, lateToo].sort();

  const get = async <T = Body>(
    path: string,
    token: string,
  ): Promise<{ status: number; body: T; headers: Headers }> =>
    api.request<T>('GET', path, undefined, { token });

  useTestApi({ open: () => startViewsApi({ projectionWaitMs: 1_000 }) }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    await defineTaxMatter(api, t, 'M-101', {
      promisedLimitDays: 3,
      requiredMaterials: [{ code: 'id', name: '身份证' }],
    });
    late = await caseAt(api, t, 'accepted');
    lateToo = await caseAt(api, t, 'accepted');
    completed = await caseAt(api, t, 'completed');
    taxCase = await acceptedTaxCase(api, t, 'M-101', 'SL-9001');
    await api.viewsCaughtUp();
  }, 60_000);

  it('GET /cases/{id}: the view in scope, applicant masked but for auditors (I1), ETag, out of scope as not found (R1), 404', async () => {
    const asWindow = await get(`/cases/${late}`, t.window);
    expect(asWindow.status).toBe(200);
    expect(asWindow.headers.get('etag')).toBe('"2"');
    expect(asWindow.body).toMatchObject({
      caseId: late,
      status: 'accepted',
      centerId: 'center-1',
      matterCode: 'M-001',
      departmentId: 'dept-market',
      kind: 'promised',
      limitDays: 5,
      deadline: '2026-03-09T17:30:00+08:00',
      provisional: false,
      suspendedNow: false,
      extended: false,
      level: 'normal',
      cards: [],
      flags: [],
      revision: 2,
    });
    expect(asWindow.body.applicant).toEqual({
      kind: 'person',
      name: '张*',
      idNumber: '110************234',
      phone: '1********00',
    });
    const asAuditor = await get(`/cases/${late}`, t.auditor);
    expect(asAuditor.body.applicant).toEqual(INQUIRY.applicant);
    // R1, finding 13: out of scope reads as not there.
    expect((await get(`/cases/${late}`, t.otherWindow)).body).toMatchObject({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
    expect((await get(`/cases/${taxCase}`, t.otherWindow)).status).toBe(200);
    expect((await get('/cases/no-such-case', t.auditor)).body).toMatchObject({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
  });

  it('minPosition: a query waits for the view of the command it follows', async () => {
    const answer = await expectOk(
      api,
      'POST',
      `/cases/${completed}/evaluations`,
      { score: 2, comment: '等待时间太长', channel: 'device' },
      t.window,
    );
    const view = await get(`/cases/${completed}?minPosition=${answer.position as string}`, t.window);
    expect(view.status).toBe(200);
    expect(view.body.revision).toBe(answer.revision);
    expect((await get(`/cases/${completed}?minPosition=nonsense`, t.window)).body).toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
    });
    // A position past 64 bits no store can reach: refused at once, not waited for until a 504.
    const unreachable = '99999999999999999999:99999999999999999999';
    for (const path of [`/cases/${completed}`, '/views/overdue', '/cases'])
      expect((await get(`${path}?minPosition=${unreachable}`, t.supervisor)).body).toMatchObject({
        status: 400,
        errors: [{ field: 'minPosition' }],
      });
  });

  it('GET /views/overdue: overdue at the moment of the query, overdueBy in working minutes, scope and filters', async () => {
    expect((await get<Page>('/views/overdue', t.supervisor)).body.items).toEqual([]);
    // Tuesday 10:00, no view rebuilt since: the market cases (due Monday 17:30) are 90 office
    // minutes late (08:30–10:00); the tax case (3 days: due Thursday 2026-03-05 17:30) 390 + 390 + 90
    // (a day of the default office hours is 390 minutes, T1).
    await api.setClock('2026-03-10T10:00:00+08:00');
    const page = await get<Page>('/views/overdue', t.supervisor);
    expect(page.status).toBe(200);
    expect(page.body.items.map((i) => [i.caseId, i.overdueBy, i.level])).toEqual([
      [taxCase, 870, 'yellow'],
      ...market().map((id) => [id, 90, 'yellow']),
    ]);
    expect(page.body.items[1]).toMatchObject({
      status: 'accepted',
      departmentId: 'dept-market',
      deadline: '2026-03-09T17:30:00+08:00',
      applicant: { name: '张*' },
    });
    // I2: lists come from read models holding identifiers masked, for auditors too (their name
    // whole); an auditor reads them unmasked through GET /cases/{id}, which the access log records (U6).
    expect((await get<Page>('/views/overdue', t.auditor)).body.items[0]!.applicant).toEqual({
      ...INQUIRY.applicant,
      idNumber: '110************234',
      phone: '1********00',
    });
    // A department sees its own.
    expect((await get<Page>('/views/overdue', t.window)).body.items.map((i) => i.caseId)).toEqual(market());
    expect((await get<Page>('/views/overdue', t.otherWindow)).body.items.map((i) => i.caseId)).toEqual([
      taxCase,
    ]);
    expect((await get('/views/overdue?departmentId=dept-market', t.otherWindow)).body).toMatchObject({
      status: 403,
      code: 'OUT_OF_SCOPE',
    });
    expect((await get('/views/overdue', t.guide)).body).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    });
    expect((await get<Page>('/views/overdue?level=red', t.supervisor)).body.items).toEqual([]);
    expect((await get<Page>('/views/overdue?departmentId=dept-tax', t.auditor)).body.items).toHaveLength(1);
    expect(
      (
        await get<Page>(
          '/views/overdue?windowId=win-3&deadlineBefore=2026-03-10T00:00:00%2B08:00',
          t.supervisor,
        )
      ).body.items,
    ).toHaveLength(2);
    expect(
      (await get<Page>('/views/overdue?deadlineAfter=2026-03-10T00:00:00%2B08:00', t.supervisor)).body.items,
    ).toEqual([]);
    expect((await get('/views/overdue?sort=deadline&level=purple', t.supervisor)).body).toMatchObject({
      status: 400,
    });

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const next: { body: Page } = await get<Page>(
        `/views/overdue?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        t.supervisor,
      );
      paged.push(...next.body.items.map((i) => i.caseId as string));
      cursor = next.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual([taxCase, ...market()]);
    expect((await get('/views/overdue?cursor=garbage', t.supervisor)).body).toMatchObject({ status: 400 });

    // Thursday 10:00: the market cases are 2 days and 90 minutes late, still yellow; the tax case is
    // 4 days and 90 minutes late: red, 3 working days (1,170 minutes) being the red threshold (C3).
    await api.setClock('2026-03-12T10:00:00+08:00');
    const later = await get<Page>('/views/overdue?sort=-overdueBy', t.auditor);
    expect(later.body.items.map((i) => [i.caseId, i.overdueBy, i.level])).toEqual([
      [taxCase, 1650, 'red'],
      ...market().map((id) => [id, 870, 'yellow']),
    ]);
    expect((await get<Page>('/views/overdue?level=red', t.auditor)).body.items.map((i) => i.caseId)).toEqual([
      taxCase,
    ]);
  });

  it('GET /views/cards: the cards supervision wrote, filters, the explanation once recorded', async () => {
    expect(await runSupervision(api, late)).toEqual(['YellowCardIssued']);
    await api.viewsCaughtUp();
    const cards = await get<Page>('/views/cards', t.supervisor);
    expect(cards.status).toBe(200);
    expect(cards.body.items).toEqual([
      expect.objectContaining({
        cardId: 'yellow-202603091730',
        caseId: late,
        level: 'yellow',
        cause: 'timeliness',
        deadline: '2026-03-09T17:30:00+08:00',
        explained: false,
        explanation: null,
        revoked: false,
      }),
    ]);
    expect((await get<Page>('/views/cards?level=red', t.supervisor)).body.items).toEqual([]);
    expect((await get<Page>('/views/cards?explained=false&level=yellow', t.auditor)).body.items).toHaveLength(
      1,
    );
    expect((await get('/views/cards', t.window)).body).toMatchObject({
      status: 403,
      code: 'ROLE_NOT_ALLOWED',
    });

    const explained = await explainCard(
      api,
      late,
      'yellow-202603091730',
      '因申请材料需跨部门核验，导致超期。',
      t.window,
    );

    const after = await get<Page>(
      `/views/cards?explained=true&minPosition=${explained.position as string}`,
      t.supervisor,
    );
    expect(after.body.items).toEqual([
      expect.objectContaining({
        explained: true,
        explanation: expect.objectContaining({ text: '因申请材料需跨部门核验，导致超期。' }),
      }),
    ]);
    const view = await get(`/cases/${late}?minPosition=${explained.position as string}`, t.window);
    expect(view.body).toMatchObject({
      level: 'yellow',
      cards: [
        { cardId: 'yellow-202603091730', level: 'yellow', explanation: '因申请材料需跨部门核验，导致超期。' },
      ],
      flags: ['OVERDUE'],
    });
  });

  it('GET /views/accountability: the window’s quarter, 100 less every deduction, each with its evidence (A1, A2)', async () => {
    await api.setClock('2026-03-13T10:00:00+08:00');
    expect(await runSupervision(api, late)).toEqual(['RedCardIssued']);
    await api.viewsCaughtUp();
    const ledger = await get('/views/accountability?windowId=win-3&quarter=2026Q1', t.supervisor);
    expect(ledger.status).toBe(200);
    expect(ledger.body).toMatchObject({ windowId: 'win-3', quarter: '2026Q1', score: 93 });
    const violations = ledger.body.violations as Body[];
    expect(violations.map((v) => [v.code, v.caseId, v.deduction])).toEqual(
      expect.arrayContaining([
        ['OVERDUE', late, 2],
        ['SERIOUSLY_OVERDUE', late, 5],
      ]),
    );
    expect((violations[0]!.evidence as string[]).length).toBe(2);
    expect((await get('/views/accountability?windowId=win-3&quarter=2026Q2', t.auditor)).body).toMatchObject({
      score: 100,
      violations: [],
    });
    expect((await get('/views/accountability?quarter=2026Q1', t.auditor)).body).toMatchObject({
      status: 400,
    });
    expect((await get('/views/accountability?windowId=win-3', t.window)).body).toMatchObject({ status: 403 });
    const overdue = await get<Page>('/views/overdue?level=red', t.supervisor);
    expect(overdue.body.items.map((i) => i.caseId)).toEqual([taxCase, ...market()]);
  });

  it('GET /views/statistics: S1 of a department and of the center, overdue counted now', async () => {
    const market = await get(
      '/views/statistics?departmentId=dept-market&from=2026-03-01&to=2026-03-31',
      t.supervisor,
    );
    expect(market.status).toBe(200);
    expect(market.body).toMatchObject({
      departmentId: 'dept-market',
      windowId: null,
      from: '2026-03-01',
      to: '2026-03-31',
      received: 3,
      accepted: 3,
      completed: 1,
      completedOnTime: 1,
      onTimeRate: 1,
      overdueNow: 2,
      evaluations: 1,
      satisfactionRate: 0,
    });
    expect((market.body.days as Body[]).map((d) => d.day)).toEqual(['2026-03-02']);
    const center = await get('/views/statistics?from=2026-03-01&to=2026-03-31', t.auditor);
    expect(center.body).toMatchObject({ received: 4, accepted: 4, overdueNow: 3 });
    const window = await get('/views/statistics?windowId=win-9&from=2026-03-01&to=2026-03-31', t.auditor);
    expect(window.body).toMatchObject({ windowId: 'win-9', received: 1, overdueNow: 1 });
    expect((await get('/views/statistics?from=2026-03-31&to=2026-03-01', t.auditor)).body).toMatchObject({
      status: 400,
    });
    expect((await get('/views/statistics', t.window)).body).toMatchObject({ status: 403 });
  });

  it('PROJECTION_LAG: without the projector a query with minPosition waits, then answers 504; health reports the lag', async () => {
    const health = api.app.get<ReadModelHealth>(READ_MODEL_HEALTH);
    expect(await health.report()).toMatchObject({ readStore: 'ok', projectorLag: 0 });
    await api.projector.stop();
    const answer = await expectOk(
      api,
      'POST',
      `/cases/${lateToo}/evaluations`,
      { score: 5, channel: 'device' },
      t.window,
    );
    const started = Date.now();
    const lagging = await get(`/cases/${lateToo}?minPosition=${answer.position as string}`, t.window);
    expect(lagging.body).toMatchObject({ status: 504, code: 'PROJECTION_LAG' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    // Without minPosition, the view as it stands.
    expect((await get(`/cases/${lateToo}`, t.window)).status).toBe(200);
    expect(await health.report()).toMatchObject({ readStore: 'ok', projectorLag: 1 });
  });

  it('health lists every projection, one with no checkpoint yet as nulls, and then knows no lag', async () => {
    // The projector is stopped (above); a projection that has not saved its first checkpoint.
    await checkpointsOf(api.db).deleteOne({ _id: 'case-evaluations' });
    const report = await api.app.get<ReadModelHealth>(READ_MODEL_HEALTH).report();
    expect(report.projections.map((p) => p.projection)).toEqual([...PROJECTION_NAMES]);
    expect(report.projections.find((p) => p.projection === 'case-evaluations')).toEqual({
      projection: 'case-evaluations',
      position: null,
      lag: null,
    });
    expect(report.projections.filter((p) => p.lag === null)).toHaveLength(1);
    expect(report).toMatchObject({ readStore: 'ok', projectorLag: null });
    const health = await api.request<Body>('GET', '/health', undefined, { token: null });
    expect(health.body).toMatchObject({ status: 'ok', projectorLag: null });
  });
});
