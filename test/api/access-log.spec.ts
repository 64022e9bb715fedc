/**
 * U6 over HTTP: every answer that carried an applicant's unmasked identifiers to an auditor is
 * recorded (who, which case, which route, when) and listed by GET /audit/access-log; masked
 * answers (a supervisor's) are not readings of personal data and are not recorded.
 */
import { startApi, tokenFor, type TestApi } from './support/api-harness.js';
import { COMPLAINT, INQUIRY, type Tokens } from './support/case-fixtures.js';
import { useTestApi } from './support/test-api-stand.js';

interface Entry {
  readId: string;
  readAt: string;
  reader: { id: string; name: string; role: string };
  caseId: string;
  route: string;
  format: string;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}

describe('U6 access log over HTTP (PGlite)', () => {
  let api: TestApi;
  let t: Tokens;
  let otherAuditor: string;
  let caseId: string;
  let otherCaseId: string;

  useTestApi({ open: () => startApi('pglite'), configure: null }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    otherAuditor = await tokenFor('auditor', { sub: 'u-auditor-2', name: '纪检周强' });
    const guide = await tokenFor('guide');
    caseId = (await api.request<{ caseId: string }>('POST', '/cases/inquiries', INQUIRY, { token: guide }))
      .body.caseId;
    otherCaseId = (
      await api.request<{ caseId: string }>('POST', '/cases/inquiries', INQUIRY, { token: guide })
    ).body.caseId;
  });

  it('U6: records an auditor reading a case, its events, CSV, state and dossier; a supervisor’s masked reading is not recorded', async () => {
    const reads: [string, Record<string, string>?][] = [
      [`/cases/${caseId}`],
      [`/cases/${caseId}/events`],
      [`/cases/${caseId}/events?format=csv`],
      [`/cases/${caseId}/state?asOf=2026-03-02T10:00:00%2B08:00`],
      [`/cases/${caseId}/dossier`, { accept: 'text/html' }],
    ];
    for (const [path, headers] of reads) {
      const res = await api.request('GET', path, undefined, {
        token: t.auditor,
        ...(headers && { headers }),
      });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    const events = await api.request<{ items: { data: { applicant?: { idNumber?: string } } }[] }>(
      'GET',
      `/cases/${caseId}/events`,
      undefined,
      { token: t.auditor },
    );
    expect(events.body.items[0].data.applicant?.idNumber).toBe(INQUIRY.applicant.idNumber);
    const supervisor = await tokenFor('supervisor');
    expect(
      (await api.request('GET', `/cases/${caseId}/events`, undefined, { token: supervisor })).status,
    ).toBe(200);
    expect(
      (await api.request('GET', `/cases/${otherCaseId}`, undefined, { token: otherAuditor })).status,
    ).toBe(200);
    // A refused reading carried nothing: not recorded.
    expect(
      (await api.request('GET', `/cases/no-such-case/events`, undefined, { token: t.auditor })).status,
    ).toBe(404);

    const log = await api.request<Page>('GET', `/audit/access-log?caseId=${caseId}`, undefined, {
      token: t.auditor,
    });
    expect(log.status).toBe(200);
    expect(log.body.items.map((e) => [e.route, e.format])).toEqual([
      ['GET /cases/{id}', 'json'],
      ['GET /cases/{id}/events', 'json'],
      ['GET /cases/{id}/events', 'csv'],
      ['GET /cases/{id}/state', 'json'],
      ['GET /cases/{id}/dossier', 'html'],
      ['GET /cases/{id}/events', 'json'],
    ]);
    expect(log.body.items.every((e) => e.reader.id === 'u-auditor' && e.caseId === caseId)).toBe(true);
    expect(log.body.items[0].readAt).toMatch(/^2026-03-02T09:00:00\.000\+08:00$/);
    // The access log readings themselves are stored as events of the day's stream.
    expect((await api.store.readStream('access-log-2026-03-02')).length).toBe(7);
  });

  it('U6: filters by actor, case and time, pages, and is for auditors only', async () => {
    const byOther = await api.request<Page>('GET', '/audit/access-log?actorId=u-auditor-2', undefined, {
      token: t.auditor,
    });
    expect(byOther.body.items.map((e) => [e.reader.name, e.caseId])).toEqual([['纪检周强', otherCaseId]]);
    const firstPage = await api.request<Page>('GET', '/audit/access-log?limit=4', undefined, {
      token: t.auditor,
    });
    expect(firstPage.body.items).toHaveLength(4);
    const secondPage = await api.request<Page>(
      'GET',
      `/audit/access-log?limit=4&cursor=${firstPage.body.nextCursor}`,
      undefined,
      { token: t.auditor },
    );
    // The reading of the log itself is not a reading of a case: 7 readings in all.
    expect(secondPage.body.items).toHaveLength(3);
    expect(secondPage.body.nextCursor).toBeNull();
    const earlier = await api.request<Page>(
      'GET',
      '/audit/access-log?from=2026-02-01&to=2026-03-01',
      undefined,
      { token: t.auditor },
    );
    expect(earlier.body.items).toEqual([]);
    const sameDay = await api.request<Page>(
      'GET',
      '/audit/access-log?from=2026-03-02&to=2026-03-02',
      undefined,
      {
        token: t.auditor,
      },
    );
    expect(sameDay.body.items).toHaveLength(7);
    // The time filters of every list: a range that selects nothing, or over 366 days, names `to`.
    for (const query of ['from=2026-03-03&to=2026-03-02', 'from=2025-01-01&to=2026-03-02'])
      expect(
        await api.request('GET', `/audit/access-log?${query}`, undefined, { token: t.auditor }),
      ).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'to' }] } });

    expect(
      (await api.request('GET', '/audit/access-log', undefined, { token: await tokenFor('supervisor') }))
        .status,
    ).toBe(403);
    const bad = await api.request('GET', '/audit/access-log?from=yesterday', undefined, { token: t.auditor });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    // A forged cursor whose number is no finite number (1e400 reads as Infinity) is refused too.
    const infinite = Buffer.from('["access-log-2026-03-02",1e400]').toString('base64url');
    expect(
      (await api.request('GET', `/audit/access-log?cursor=${infinite}`, undefined, { token: t.auditor }))
        .body,
    ).toMatchObject({ status: 400, errors: [{ field: 'cursor' }] });
    // The scheme of Authorization is case-insensitive.
    const lower = await fetch(`${api.url}/audit/access-log`, {
      headers: { authorization: `bearer ${t.auditor}` },
    });
    expect(lower.status).toBe(200);
    // No real day: refused naming the field, never rolled over into March.
    for (const query of ['from=2026-02-30', 'to=2026-02-29', 'from=2026-13-01'])
      expect(
        (await api.request('GET', `/audit/access-log?${query}`, undefined, { token: t.auditor })).body,
      ).toMatchObject({ status: 400, errors: [{ field: query.split('=')[0] }] });
  });

  it('U6: an auditor reading a complaint with its complainant unmasked is recorded, under the complaint’s receipt number; a supervisor’s masked reading is not', async () => {
    const guide = await tokenFor('guide');
    const received = await api.request<{ complaintId: string }>('POST', '/complaints', COMPLAINT, {
      token: guide,
    });
    expect(received.status).toBe(201);
    const { complaintId } = received.body;
    const supervisor = await tokenFor('supervisor');
    const masked = await api.request('GET', `/complaints/${complaintId}`, undefined, { token: supervisor });
    expect(masked.status).toBe(200);
    const unmasked = await api.request('GET', `/complaints/${complaintId}`, undefined, { token: t.auditor });
    expect(unmasked.body).toMatchObject({ complainant: { phone: '13900139000' } });

    const log = await api.request<Page>('GET', `/audit/access-log?caseId=${complaintId}`, undefined, {
      token: t.auditor,
    });
    expect(log.body.items.map((e) => [e.reader.id, e.caseId, e.route, e.format])).toEqual([
      ['u-auditor', complaintId, 'GET /complaints/{complaintId}', 'json'],
    ]);
  });
});
