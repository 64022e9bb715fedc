/**
 * A case through its life over HTTP, on PGlite and on the PostgreSQL server, beyond its steps: a
 * card that supervision issues, explained and revoked (C2, C4, C5); the configuration it follows,
 * the calendar (T2) and the timeliness policy. The steps themselves, the queries from the event
 * store and I1 masking: case-lifecycle-steps-and-queries.spec.ts.
 */
import { STORE_KINDS, type TestApi } from './support/api-harness.js';
import { expectOk, INQUIRY, type Tokens } from './support/case-fixtures.js';
import { useLifecycleApi } from './support/case-lifecycle.js';
import { applyFor, explainCard, revokeCard } from './support/case-steps.js';
import { runSupervision } from './support/supervision-stand-in.js';

describe.each(STORE_KINDS)('a case through its whole life (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  useLifecycleApi(kind, (stand) => ({ api, t } = stand));

  it('takes a card through explanation and revocation once supervision has issued it (C2, C4, C5)', async () => {
    await api.setClock('2026-03-06T09:00:00+08:00');
    const created = await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.window);
    const caseId = created.caseId as string;
    await applyFor(api, caseId, t.window, { matterCode: 'M-002' });

    await expectOk(api, 'POST', `/cases/${caseId}/acceptance`, { receiptNo: 'SL-2026-0002' }, t.window);
    // T3: an immediate case is due 30 office minutes later; 09:31 is past it.
    await api.setClock('2026-03-06T09:31:00+08:00');
    expect(await runSupervision(api, caseId)).toEqual(['YellowCardIssued']);
    const view = await api.request('GET', `/cases/${caseId}`, undefined, { token: t.window });
    expect(view.body).toMatchObject({ level: 'yellow', cards: [{ level: 'yellow' }] });
    const cardId = (view.body.cards as { cardId: string }[])[0]!.cardId;
    await explainCard(api, caseId, cardId, '系统故障导致超时。', t.window);
    await revokeCard(api, t, caseId, cardId, '系统故障，误亮牌');

    const after = await api.request('GET', `/cases/${caseId}`, undefined, { token: t.supervisor });
    expect(after.body.cards).toEqual([
      expect.objectContaining({ cardId, explanation: '系统故障导致超时。', revoked: true }),
    ]);
  });

  it('follows configuration: a published year turns provisional deadlines firm (T2), a center’s hours count (T1)', async () => {
    const before = await api.request('GET', '/admin/calendar/2027', undefined, { token: t.window });
    expect(before.body).toEqual({ year: 2027, covered: false, source: null, holidays: [], workdays: [] });
    const builtIn = await api.request('GET', '/admin/calendar/2026', undefined, { token: t.window });
    expect(builtIn.body).toMatchObject({ year: 2026, covered: true, source: 'chinese-days@1.5.7' });
    const published = await api.request(
      'PUT',
      '/admin/calendar/2027',
      { notice: '国务院办公厅关于2027年部分节假日安排的通知', holidays: ['2027-01-01'], workdays: [] },
      { token: t.admin },
    );
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      streamId: 'calendar-2027',
      revision: 0,
      events: [{ type: 'CalendarYearPublished' }],
    });
    const after = await api.request('GET', '/admin/calendar/2027', undefined, { token: t.window });
    expect(after.body).toMatchObject({
      year: 2027,
      covered: true,
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      holidays: ['2027-01-01'],
    });

    const policy = await api.request('GET', '/admin/policy/timeliness', undefined, { token: t.supervisor });
    const changed = await api.request(
      'PUT',
      '/admin/policy/timeliness',
      { ...policy.body, version: 'county-2026.2' },
      { token: t.supervisor },
    );
    expect(changed.status).toBe(201);
    expect(
      (await api.request('GET', '/admin/policy/timeliness', undefined, { token: t.window })).body,
    ).toMatchObject({ version: 'county-2026.2' });
  });
});
