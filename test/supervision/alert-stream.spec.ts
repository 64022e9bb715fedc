/**
 * GET /alerts/stream over HTTP (issue 7.4): warnings and cards reach the listeners whose scope
 * holds the case and no one else (supervisor: center; window: department; auditor: all), with
 * heartbeats, `id:` = position, and Last-Event-ID resumption.
 */
import { AlertFeed } from '../../apps/api/src/alerts/alert-feed.js';
import {
  acceptedTaxCase,
  appliedCaseOfCenterTwo,
  caseAt,
  centerTwoToken,
  defineTaxMatter,
  expectOk,
  type Tokens,
} from '../api/support/case-fixtures.js';
import { openSse, type SseConnection } from './support/sse-client.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';

describe('alert stream (GET /alerts/stream)', () => {
  let api: SupervisedApi;
  let t: Tokens;
  const open: SseConnection[] = [];
  const listen = async (
    token: string,
    headers: Record<string, string> = {},
    query = '',
  ): Promise<SseConnection> => {
    const c = await openSse(`${api.url}/alerts/stream${query}`, {
      authorization: `Bearer ${token}`,
      ...headers,
    });
    open.push(c);
    return c;
  };
  const caseIdsOf = (c: SseConnection): string[] =>
    c.alerts().map((a) => `${a.caseId as string}/${a.level as string}`);

  useTestApi({ open: () => startSupervisedApi({ heartbeatMs: 150 }) }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    await defineTaxMatter(api, t, 'M-TAX');
  });
  afterEach(() => {
    for (const c of open.splice(0)) c.close();
  });

  it('sends each warning and card to the listeners in scope only, with heartbeats and resumption', async () => {
    const centerTwoWindow = await centerTwoToken('window');
    const centerTwoSupervisor = await centerTwoToken('supervisor');
    const market = await caseAt(api, t, 'accepted');
    const tax = await acceptedTaxCase(api, t, 'M-TAX', 'SL-TAX-1');
    const elsewhere = await appliedCaseOfCenterTwo(api, centerTwoWindow);

    await expectOk(api, 'POST', `/cases/${elsewhere}/acceptance`, { receiptNo: 'SL-C2-1' }, centerTwoWindow);

    const supervisor = await listen(t.supervisor);
    const otherSupervisor = await listen(centerTwoSupervisor);
    const marketWindow = await listen(t.window);
    const taxWindow = await listen(t.otherWindow);
    const auditor = await listen(t.auditor);
    expect(supervisor.status).toBe(200);
    expect(supervisor.contentType).toMatch(/^text\/event-stream/);
    await supervisor.waitFor((f) => f.comments.includes('heartbeat'));

    await api.setClock('2026-03-06T17:31:00+08:00'); // every case is warned (due 03-09 17:30)
    await auditor.waitFor((f) => f.event === 'WarningIssued', 3);
    await api.setClock('2026-03-09T17:31:00+08:00');
    await auditor.waitFor((f) => f.event === 'YellowCardIssued', 3);
    await new Promise((r) => setTimeout(r, 300)); // time for anything misdirected to arrive

    expect(caseIdsOf(supervisor).sort()).toEqual(
      [`${market}/warning`, `${market}/yellow`, `${tax}/warning`, `${tax}/yellow`].sort(),
    );
    expect(caseIdsOf(otherSupervisor)).toEqual([`${elsewhere}/warning`, `${elsewhere}/yellow`]);
    // The market window of center 1 hears its department's case, not center 2's of the same department.
    expect(caseIdsOf(marketWindow)).toEqual([`${market}/warning`, `${market}/yellow`]);
    expect(caseIdsOf(taxWindow)).toEqual([`${tax}/warning`, `${tax}/yellow`]);
    expect(caseIdsOf(auditor)).toHaveLength(6);

    const first = supervisor.frames.find((f) => f.event === 'WarningIssued')!;
    const alert = JSON.parse(first.data!) as Record<string, unknown>;
    expect(alert).toMatchObject({
      type: 'WarningIssued',
      level: 'warning',
      deadline: '2026-03-09T17:30:00+08:00',
      departmentId: expect.any(String),
      position: first.id,
    });
    expect(Object.keys(alert).sort()).toEqual(
      [
        'caseId',
        'cardId',
        'cause',
        'deadline',
        'departmentId',
        'issuedAt',
        'level',
        'position',
        'type',
        'windowId',
      ].sort(),
    );

    // Resumption: everything after the first alert the supervisor received, in order.
    const resumed = await listen(t.supervisor, { 'last-event-id': first.id! });
    await resumed.waitFor((f) => f.data !== undefined, 3);
    expect(resumed.alerts().map((a) => a.position)).toEqual(
      supervisor
        .alerts()
        .slice(1)
        .map((a) => a.position),
    );
    const byQuery = await listen(t.supervisor, {}, `?lastEventId=${encodeURIComponent(first.id!)}`);
    await byQuery.waitFor((f) => f.data !== undefined, 3);
  });

  it('refuses other roles (403), no token (401) and a Last-Event-ID it never sent (400)', async () => {
    for (const token of [t.guide, t.proxy, t.approver, t.admin]) {
      const c = await listen(token);
      expect({ status: c.status, code: (c.body as { code: string }).code }).toEqual({
        status: 403,
        code: 'ROLE_NOT_ALLOWED',
      });
    }
    const anonymous = await openSse(`${api.url}/alerts/stream`, {});
    expect(anonymous.status).toBe(401);
    const bad = await listen(t.supervisor, { 'last-event-id': 'yesterday' });
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: unknown[] }).errors).toEqual([
      { field: 'Last-Event-ID', message: 'must be a position this stream sent' },
    ]);
    // EventSource cannot set headers: the query parameter is named when it was the one sent.
    const badQuery = await listen(t.supervisor, {}, '?lastEventId=yesterday');
    expect({ status: badQuery.status, errors: (badQuery.body as { errors: unknown[] }).errors }).toEqual({
      status: 400,
      errors: [{ field: 'lastEventId', message: 'must be a position this stream sent' }],
    });
  });

  it('stops the store subscription when the client goes away', async () => {
    const feed = api.app.get(AlertFeed);
    const before = feed.listening;
    const c = await listen(t.supervisor);
    await c.waitFor((f) => f.comments.includes('heartbeat'));
    expect(feed.listening).toBe(before + 1);
    c.close();
    for (let i = 0; i < 50 && feed.listening > before; i++) await new Promise((r) => setTimeout(r, 20));
    expect(feed.listening).toBe(before);
  });

  it('starts at the head without Last-Event-ID: earlier alerts are not repeated', async () => {
    const late = await listen(t.auditor);
    await late.waitFor((f) => f.comments.includes('heartbeat'), 2);
    expect(late.alerts()).toEqual([]);
  });

  it('ends open streams when the application shuts down, so it can close', async () => {
    const other = await startSupervisedApi({ heartbeatMs: 100 });
    const c = await openSse(`${other.url}/alerts/stream`, { authorization: `Bearer ${t.auditor}` });
    await c.waitFor((f) => f.comments.includes('heartbeat'));
    const started = Date.now();
    await other.close();
    await c.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
