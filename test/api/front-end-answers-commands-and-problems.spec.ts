/**
 * Issue 12 (items 5, 6, 8–11): answers that must say what a front-end developer takes them to say,
 * over HTTP against the API as `npm start` builds it (PGlite, FerretDB, the projector in-process):
 * an unknown matter (6), validation messages (8), a matter put again unchanged and the policy's
 * bounds (9), masking in command answers (10), the problem pages (11), a case read while its view
 * lags (5). Item 7 and T14: front-end-answers-json-and-time-filters.spec.ts.
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
import type { ViewsApi } from '../projector/support/views-api.js';
import { type Problem, useFrontEndApi } from './support/front-end-answers.js';

describe('front-end answers (issue 12)', () => {
  let api: ViewsApi;
  let t: Tokens;

  const { inquiry, raw } = useFrontEndApi((stand) => ({ api, t } = stand));

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
