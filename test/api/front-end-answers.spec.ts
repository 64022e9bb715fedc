/**
 * Issue 12 (items 5–11): answers that must say what a front-end developer takes them to say, over
 * HTTP against the API as `npm start` builds it (PGlite, FerretDB, the projector in-process).
 */
import {
  expectOk,
  IMMEDIATE_MATTER,
  INQUIRY,
  PROMISED_MATTER,
  type Tokens,
} from './support/case-fixtures.js';
import { REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import { API_PROBLEM_CATALOG } from '../../apps/api/src/problem/api-problem-catalog.js';
import { startViewsApi, type ViewsApi } from '../projector/support/views-api.js';
import { useTestApi } from './support/test-api-stand.js';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; message: string }[];
}

describe('front-end answers (issue 12)', () => {
  let api: ViewsApi;
  let t: Tokens;

  useTestApi({ open: () => startViewsApi() }, (stand) => ({ api, t } = stand));

  const inquiry = async (): Promise<string> =>
    (await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.guide)).caseId as string;
  const raw = (path: string, init: RequestInit & { token?: string } = {}): Promise<Response> =>
    fetch(`${api.url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${init.token ?? t.supervisor}`, ...(init.headers ?? {}) },
    });

  it('item 6: an application naming an unknown matter is 422 MATTER_NOT_FOUND (the case exists), nothing recorded', async () => {
    const id = await inquiry();
    const before = await api.store.streamRevision(`case-${id}`);
    const res = await api.request<Problem>(
      'POST',
      `/cases/${id}/application`,
      { matterCode: 'M-999', materials: [{ code: 'id' }] },
      { token: t.window },
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'MATTER_NOT_FOUND',
      title: '事项不存在',
      type: '/problems/MATTER_NOT_FOUND',
    });
    expect(res.body.errors).toEqual([{ field: 'matterCode', message: 'No matter M-999 in the catalog.' }]);
    expect(await api.store.streamRevision(`case-${id}`)).toBe(before);
  });

  it('item 7: a body sent without Content-Type: application/json is one 400 saying to send JSON, not a list of missing fields', async () => {
    const form = await raw('/cases/inquiries', {
      method: 'POST',
      token: t.guide,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify(INQUIRY),
    });
    const none = await raw('/cases/inquiries', {
      method: 'POST',
      token: t.guide,
      body: JSON.stringify(INQUIRY),
    });
    for (const res of [form, none]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const p = (await res.json()) as Problem;
      expect(p.code).toBe('VALIDATION_FAILED');
      expect(p.detail).toContain('Content-Type: application/json');
      expect(p.errors).toEqual([
        { field: '(body)', message: 'send the body as JSON with Content-Type: application/json' },
      ]);
    }
  });

  it('item 7: an unencoded + in an instant query parameter is answered with the hint to send %2B, on every route', async () => {
    const id = await inquiry();
    const paths = [
      '/views/overdue?deadlineBefore=2026-03-10T00:00:00+08:00',
      '/views/cards?from=2026-03-01T00:00:00+08:00',
      '/views/statistics?to=2026-03-31T00:00:00+08:00',
      `/cases/${id}/state?asOf=2026-03-02T09:30:00+08:00`,
    ];
    for (const path of paths) {
      const res = await raw(path);
      const p = (await res.json()) as Problem;
      expect({ path, status: res.status, code: p.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(p.errors![0]!.message).toContain('send it as %2B');
      expect(p.errors![0]!.message).toContain('arrives as a space');
    }
    const wrong = (await (await raw('/views/cards?from=yesterday')).json()) as Problem;
    expect(wrong.errors).toEqual([
      {
        field: 'from',
        message:
          'must be an ISO-8601 instant with an offset (2026-03-02T09:00:00%2B08:00) or a date YYYY-MM-DD',
      },
    ]);
  });

  it('T14: a time filter outside the years 2000–2099 is 400 naming it, on every route', async () => {
    const id = await inquiry();
    for (const [path, field] of [
      ['/views/cards?from=0000-01-01', 'from'],
      ['/views/overdue?deadlineBefore=2100-01-01T00:00:00%2B08:00', 'deadlineBefore'],
      ['/views/statistics?from=1999-12-31&to=2000-01-31', 'from'],
      [`/cases/${id}/state?asOf=0001-01-01`, 'asOf'],
    ] as const) {
      const res = await raw(path);
      const p = (await res.json()) as Problem;
      expect({ path, status: res.status, errors: p.errors }).toEqual({
        path,
        status: 400,
        errors: [{ field, message: 'must lie within the years 2000–2099 (T14)' }],
      });
    }
    // The last day of the range is a whole day, to its end.
    expect((await raw('/views/cards?from=2099-12-31&to=2099-12-31')).status).toBe(200);
  });

  it('item 7: time filters take an instant or a date (the whole day, Asia/Shanghai) the same way on every route', async () => {
    const id = await inquiry();
    for (const path of [
      '/views/cards?from=2026-03-01&to=2026-03-31',
      '/views/cards?from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00',
      '/views/overdue?deadlineBefore=2026-03-10&deadlineAfter=2026-03-01',
      `/cases/${id}/state?asOf=2026-03-02`,
    ])
      expect({ path, status: (await raw(path)).status }).toEqual({ path, status: 200 });
    // A date as asOf is the end of that day: the inquiry registered at 09:00 is in it.
    expect(
      ((await (await raw(`/cases/${id}/state?asOf=2026-03-02`)).json()) as { status: string }).status,
    ).toBe('inquiry');
    const byInstant = (await (
      await raw('/views/statistics?from=2026-03-02T00:00:00%2B08:00&to=2026-03-03T00:00:00%2B08:00')
    ).json()) as { from: string; to: string; received: number };
    expect({ from: byInstant.from, to: byInstant.to }).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    const byDate = (await (await raw('/views/statistics?from=2026-03-02&to=2026-03-02')).json()) as object;
    expect(byDate).toEqual(byInstant);
  });

  it('item 7: a `to` not after `from` is 400 naming to on every list filtered by time, and a summed view covers at most 366 days', async () => {
    for (const [path, token, message] of [
      ['/views/cards?from=2026-03-05&to=2026-03-01', t.supervisor, 'must be after from'],
      [
        '/views/complaints?from=2026-03-05&to=2026-03-05T00:00:00%2B08:00',
        t.supervisor,
        'must be after from',
      ],
      ['/views/audit/backdated?from=2026-03-05&to=2026-03-01', t.auditor, 'must be after from'],
      ['/views/statistics?from=2026-03-05&to=2026-03-01', t.supervisor, 'must not be before from'],
      [
        '/views/evaluations?from=2025-01-01&to=2026-03-01',
        t.supervisor,
        'must be at most 366 days after from',
      ],
      [
        '/views/statistics?from=2025-01-01&to=2026-03-01',
        t.supervisor,
        'must be at most 366 days after from',
      ],
    ] as const) {
      const res = await raw(path, { token });
      const p = (await res.json()) as Problem;
      expect({ path, status: res.status, errors: p.errors }).toEqual({
        path,
        status: 400,
        errors: [{ field: 'to', message }],
      });
    }
    // The back-dated entries take dates too now, as every route does (they took instants only).
    expect(
      (await raw('/views/audit/backdated?from=2026-03-01&to=2026-03-31', { token: t.auditor })).status,
    ).toBe(200);
    expect((await raw('/views/evaluations?from=2025-03-02&to=2026-03-02')).status).toBe(200);
  });

  it('item 7 (S1): statistics without from/to cover the current month up to today and say so in from and to', async () => {
    const res = (await (await raw('/views/statistics')).json()) as { from: string; to: string };
    expect({ from: res.from, to: res.to }).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });

  it('item 8: validation messages are clear English per field under a Chinese title (P4: score 3.5)', async () => {
    const id = await inquiry();
    const score = await api.request<Problem>(
      'POST',
      `/cases/${id}/evaluations`,
      { score: 3.5 },
      { token: t.guide },
    );
    expect(score.body.title).toMatch(/[\u4e00-\u9fff]/);
    expect(score.body.errors![0]).toEqual({
      field: 'score',
      message: 'score must be a whole number from 1 (非常不满意) to 5 (非常满意) (P4).',
    });
    const shape = await api.request<Problem>(
      'POST',
      '/cases/inquiries',
      { ...INQUIRY, applicant: { kind: 'robot' }, question: 7, extra: true },
      { token: t.guide },
    );
    expect(shape.status).toBe(400);
    expect(shape.body).toMatchObject({ code: 'VALIDATION_FAILED', title: '请求参数不合法' });
    expect(shape.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'extra is not a field of this request (remove it)' },
        { field: 'question', message: 'question must be text' },
        { field: 'applicant.kind', message: 'applicant.kind must be one of person, company' },
        { field: 'applicant.name', message: 'applicant.name is required (must be text)' },
      ]),
    );
    for (const e of shape.body.errors!) expect(shape.body.detail).toContain(e.message);
    expect(JSON.stringify(shape.body)).not.toMatch(/conforming|should not exist|must be a string/);
  });

  it('item 9: a matter put again unchanged records nothing (200, current revision); only an immediate matter carries immediateLimitMinutes (T3)', async () => {
    const first = await api.request('PUT', '/admin/matters/M-201', PROMISED_MATTER, { token: t.admin });
    expect(first.status).toBe(201);
    const events = first.body.events as { data: Record<string, unknown> }[];
    expect(events[0]!.data).not.toHaveProperty('immediateLimitMinutes');
    const again = await api.request('PUT', '/admin/matters/M-201', PROMISED_MATTER, { token: t.admin });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      streamId: 'catalog-M-201',
      revision: first.body.revision,
      events: [],
    });
    expect(again.headers.get('etag')).toBe(`"${String(first.body.revision)}"`);
    expect(await api.store.streamRevision('catalog-M-201')).toBe(first.body.revision);
    const changed = await api.request(
      'PUT',
      '/admin/matters/M-201',
      { ...PROMISED_MATTER, name: '食品经营许可（新办）' },
      {
        token: t.admin,
      },
    );
    expect(changed.status).toBe(201);
    const immediate = await api.request('PUT', '/admin/matters/M-202', IMMEDIATE_MATTER, { token: t.admin });
    expect((immediate.body.events as { data: Record<string, unknown> }[])[0]!.data).toMatchObject({
      immediateLimitMinutes: 30,
    });
  });

  it('item 9 (C1): the timeliness policy answers a real bound for its last warning row (365 days), never 2^53 − 1', async () => {
    const res = await api.request<{ warningLeads: { maxLimitDays: number }[] }>(
      'GET',
      '/admin/policy/timeliness',
      undefined,
      { token: t.admin },
    );
    expect(res.body.warningLeads.at(-1)!.maxLimitDays).toBe(365);
    expect(JSON.stringify(res.body)).not.toContain('9007199254740991');
  });

  it('item 10 (I1): command answers mask the applicant’s ID number and phone for the writer, as GET does; a replay too', async () => {
    for (const token of [t.guide, t.window]) {
      const key = { 'idempotency-key': `mask-${token.slice(-12)}` };
      for (let attempt = 0; attempt < 2; attempt++) {
        const res = await api.request('POST', '/cases/inquiries', INQUIRY, { token, headers: key });
        const text = JSON.stringify(res.body);
        expect(text).not.toContain('110101199003071234');
        expect(text).not.toContain('13800138000');
        expect((res.body.events as { data: { applicant: unknown } }[])[0]!.data.applicant).toEqual({
          kind: 'person',
          name: '张*',
          idNumber: '110************234',
          phone: '1********00',
        });
      }
    }
  });

  it('item 11: problem types are /problems/{code} on the API, whose page (no token) gives the rule and the fix in Chinese and English', async () => {
    const id = await inquiry();
    const refused = await api.request<Problem>(
      'POST',
      `/cases/${id}/acceptance`,
      { receiptNo: 'SL-1' },
      { token: t.window },
    );
    expect(refused.body.type).toBe('/problems/ILLEGAL_TRANSITION');
    const page = await fetch(`${api.url}${refused.body.type}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    const html = await page.text();
    expect(html).toContain(refused.body.title);
    expect(html).toContain('规则 · The rule');
    expect(html).toContain('如何改正 · How to fix it');
    expect(html).toContain('A case moves through its steps in order');
    const n3 = await (await fetch(`${api.url}/problems/N3_REPEATED_NOTICE`)).text();
    expect(n3).toContain('违反一次性告知');
    expect(n3).toContain('N3: no material is asked for twice');
    const catalog = { ...REFUSAL_CATALOG, ...API_PROBLEM_CATALOG };
    for (const [code, entry] of Object.entries(catalog)) {
      const res = await fetch(`${api.url}/problems/${code}`);
      const body = await res.text();
      expect({
        code,
        status: res.status,
        titled: body.includes(entry.title),
        rule: body.includes(entry.rule.zh),
      }).toEqual({
        code,
        status: 200,
        titled: true,
        rule: true,
      });
    }
    const unknown = await fetch(`${api.url}/problems/NO_SUCH_CODE`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as Problem).type).toBe('/problems/NOT_FOUND');
  });

  // Last: it stops the projector.
  it('item 5: a case read right after its command, while the view lags, is answered from its events, never 404', async () => {
    await api.viewsCaughtUp();
    await api.projector.stop();
    const created = await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.guide);
    const id = created.caseId as string;
    const res = await raw(`/cases/${id}`, { token: t.guide });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"0"');
    expect(await res.json()).toMatchObject({
      caseId: id,
      status: 'inquiry',
      centerId: 'center-1',
      level: 'normal',
      closedLevel: null,
      applicant: { name: '张*', idNumber: '110************234' },
      revision: 0,
      position: created.position,
    });
    expect(await api.db.collection('case_views').findOne({ _id: id as never })).toBeNull(); // the view really lags
    expect((await raw('/cases/no-such-case', { token: t.guide })).status).toBe(404);
  });
});
