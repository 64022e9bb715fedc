/**
 * Every route × every role (DOMAIN.md "Who uses it", API.md): a role outside a route's list is
 * refused with 403; a role inside it is never refused for its role (whatever the case's state then
 * says); no token is 401 everywhere but /health and the docs. A role whose scope does not hold the
 * case (a proxy, which did not submit it; an admin, who reads no cases) finds no case there: 404
 * (R1, finding 13). Then department and proxy scope; scope-matrix.spec.ts covers every scope.
 */
import { STAFF_ROLES, type StaffRole } from '#domain/actor/actor.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { startApi, TEST_SECRET, tokenFor, type TestApi } from './support/api-harness.js';
import { caseAt, expectOk, INQUIRY, PROMISED_MATTER, type Tokens } from './support/case-fixtures.js';
import { applyFor } from './support/case-steps.js';
import { useTestApi } from './support/test-api-stand.js';

interface Route {
  readonly method: string;
  readonly path: (caseId: string) => string;
  readonly body?: unknown;
  readonly allowed: readonly StaffRole[] | 'everyone';
}

const NOTIFIED = '2026-03-02T09:00:00+08:00';
const STAFF_BUT_AUDITOR: StaffRole[] = ['guide', 'proxy', 'window', 'approver', 'supervisor', 'admin'];
/** R1: the guide's case lies outside these roles' scope, so for them it does not exist. */
const CASE_NOT_IN_SCOPE: readonly StaffRole[] = ['proxy', 'admin'];
const namesTheCase = (route: Route): boolean => route.path('CASE').includes('/cases/CASE');
/** A command on the case: POST /cases/{id}/{action}. */
const command = (action: string, allowed: Route['allowed'], body: unknown): Route => ({
  method: 'POST',
  path: (id) => `/cases/${id}/${action}`,
  body,
  allowed,
});

const ROUTES: readonly Route[] = [
  { method: 'POST', path: () => '/cases/inquiries', body: INQUIRY, allowed: ['guide', 'window', 'proxy'] },
  // F1: the case below was registered by the guide, its first responder.
  command('answer', ['guide'], { answer: '请到3号窗口' }),
  command('referral', ['guide'], {
    toDepartmentId: 'dept-market',
    handlerName: '王芳',
    handlerPhone: '0571-88001234',
  }),
  command('application', ['window', 'proxy'], { matterCode: 'M-001', materials: [{ code: 'id' }] }),
  command('supplement-notices', ['window'], {
    noticeNo: 'BZ-1',
    items: [{ code: 'lease', name: '场地租赁合同', problem: 'missing' }],
  }),
  command('supplement', ['window', 'proxy'], { materials: [{ code: 'lease' }] }),
  command('rejection', ['window'], { noticeNo: 'BSL-1', reasons: ['材料不全'] }),
  command('acceptance', ['window'], { receiptNo: 'SL-1' }),
  command('suspensions', ['window'], {
    type: 'hearing',
    reason: '听证',
    expectedDays: 10,
    applicantNotifiedAt: NOTIFIED,
  }),
  command('suspensions/1/resumption', ['window'], {}),
  command('extension', ['approver'], {
    days: 2,
    reason: '复杂',
    applicantNotifiedAt: NOTIFIED,
    channel: 'sms',
  }),
  command('completion', ['window', 'approver'], { outcome: 'approved', decisionNo: 'JD-1' }),
  command('withdrawal', ['window', 'proxy'], { reason: '申请人撤回' }),
  command('complaints', STAFF_BUT_AUDITOR, {
    channel: '现场',
    subject: { kind: 'case' },
    content: '排队太久',
  }),
  command('complaints/c-1/conclusion', ['supervisor'], { substantiated: false, reply: '不属实' }),
  command('evaluations', STAFF_BUT_AUDITOR, { score: 5 }),
  command('evaluations/1/rectification', ['supervisor'], { valid: true, action: '整改' }),
  command('cards/yellow-1/explanation', ['window', 'approver'], { text: '说明' }),
  command('cards/yellow-1/revocation', ['supervisor'], { reason: '误亮牌' }),
  command('accountability-actions', ['supervisor'], { violationId: 'v-1', action: 'reminder', note: '提醒' }),
  {
    method: 'GET',
    path: (id) => `/cases/${id}`,
    allowed: ['guide', 'window', 'approver', 'supervisor', 'auditor'],
  },
  { method: 'GET', path: (id) => `/cases/${id}/events`, allowed: ['supervisor', 'auditor'] },
  {
    method: 'GET',
    path: (id) => `/cases/${id}/state?asOf=2026-03-02T12:00:00%2B08:00`,
    allowed: ['supervisor', 'auditor'],
  },
  { method: 'GET', path: (id) => `/cases/${id}/integrity`, allowed: ['auditor'] },
  {
    method: 'PUT',
    path: () => '/admin/centers/center-2',
    body: { name: '某镇分中心', officeHours: [{ start: '09:00', end: '17:00' }] },
    allowed: ['admin'],
  },
  { method: 'PUT', path: () => '/admin/matters/M-050', body: PROMISED_MATTER, allowed: ['admin'] },
  {
    method: 'PUT',
    path: () => '/admin/calendar/2030',
    body: { notice: '2030年通知', holidays: ['2030-01-01'], workdays: [] },
    allowed: ['admin'],
  },
  { method: 'GET', path: () => '/admin/calendar/2026', allowed: 'everyone' },
  { method: 'GET', path: () => '/admin/policy/timeliness', allowed: 'everyone' },
  {
    method: 'POST',
    path: () => '/admin/clock',
    body: { now: '2026-03-02T09:00:00+08:00' },
    allowed: ['admin'],
  },
];

describe('route × role matrix (PGlite)', () => {
  let api: TestApi;
  let t: Tokens;
  let caseId: string;
  const policyBody = (version: string): Promise<Record<string, unknown>> =>
    api.request('GET', '/admin/policy/timeliness').then((r) => ({ ...r.body, version }));

  useTestApi({ open: () => startApi('pglite') }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    caseId = (await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.guide)).caseId as string;
    await applyFor(api, caseId, t.window);
  });

  const cells = ROUTES.flatMap((route) =>
    STAFF_ROLES.map((role) => [`${route.method} ${route.path(':id')}`, role, route] as const),
  );

  it.each(cells)('%s as %s', async (_name, role, route) => {
    const res = await api.request(route.method, route.path(caseId), route.body, { token: t[role] });
    const allowed = route.allowed === 'everyone' || route.allowed.includes(role);
    if (namesTheCase(route) && CASE_NOT_IN_SCOPE.includes(role))
      expect({ role, status: res.status, code: res.body.code }).toEqual({
        role,
        status: 404,
        code: 'CASE_NOT_FOUND',
      });
    else if (allowed) expect({ role, status: res.status, body: res.body }).not.toMatchObject({ status: 403 });
    else expect({ role, status: res.status, code: res.body.code }).toMatchObject({ role, status: 403 });
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(401);
  });

  it('PUT /admin/policy/timeliness: admin and supervisor only', async () => {
    for (const role of STAFF_ROLES) {
      const res = await api.request('PUT', '/admin/policy/timeliness', await policyBody(`matrix-${role}`), {
        token: t[role],
      });
      expect({ role, status: res.status }).toEqual({
        role,
        status: role === 'admin' || role === 'supervisor' ? 201 : 403,
      });
    }
  });

  it.each(ROUTES.map((r) => [`${r.method} ${r.path(':id')}`, r] as const))(
    '%s without a token is 401',
    async (_name, route) => {
      const res = await api.request(route.method, route.path(caseId), route.body, { token: null });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    },
  );

  it('a forged, expired or role-less token is 401; health and docs need none', async () => {
    const forged = `${t.window.slice(0, -4)}abcd`;
    expect((await api.request('GET', `/cases/${caseId}`, undefined, { token: forged })).status).toBe(401);
    const expired = await signStaffToken({ sub: 'u-x', name: 'x', role: 'window' }, TEST_SECRET, -60);
    expect((await api.request('GET', `/cases/${caseId}`, undefined, { token: expired })).status).toBe(401);
    expect(
      (
        await api.request('GET', `/cases/${caseId}`, undefined, {
          headers: { authorization: 'Basic abc' },
          token: null,
        })
      ).status,
    ).toBe(401);
    const health = await api.request('GET', '/health', undefined, { token: null });
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      clock: 'manual',
      now: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+08:00$/),
      eventStore: 'ok',
      readStore: 'not_configured',
      projectorLag: null,
      projections: [],
    });
    expect((await api.request('GET', '/docs-json', undefined, { token: null })).status).toBe(200);
    expect((await api.request('GET', '/docs', undefined, { token: null })).status).toBe(200);
  });

  it('R1, finding 13: window and approver act only on their own department; a proxy only on its own cases; outside the scope the case is not found', async () => {
    const received = await caseAt(api, t, 'received');
    for (const token of [t.otherWindow, t.otherApprover]) {
      const res = await api.request(
        'POST',
        `/cases/${received}/completion`,
        { outcome: 'approved', decisionNo: 'JD-9' },
        { token },
      );
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
    }
    expect((await api.request('GET', `/cases/${received}`, undefined, { token: t.otherWindow })).status).toBe(
      404,
    );
    const accepted = await caseAt(api, t, 'accepted');
    const otherExt = await api.request(
      'POST',
      `/cases/${accepted}/extension`,
      { days: 2, reason: '复杂', applicantNotifiedAt: NOTIFIED, channel: 'sms' },
      { token: t.otherApprover },
    );
    expect(otherExt.body.code).toBe('CASE_NOT_FOUND');

    const proxyCase = (await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.proxy)).caseId as string;
    await applyFor(api, proxyCase, t.proxy);

    expect((await api.request('GET', `/cases/${proxyCase}`, undefined, { token: t.proxy })).status).toBe(200);
    const otherProxy = await tokenFor('proxy', { sub: 'u-proxy-2', name: '代办吴刚' });
    const res = await api.request(
      'POST',
      `/cases/${proxyCase}/withdrawal`,
      { reason: '撤回' },
      { token: otherProxy },
    );
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'CASE_NOT_FOUND' });
    const otherCenter = await tokenFor('supervisor', { sub: 'u-sup-2', centerId: 'center-2' });
    expect(
      (await api.request('GET', `/cases/${proxyCase}/events`, undefined, { token: otherCenter })).status,
    ).toBe(404);
  });
});
