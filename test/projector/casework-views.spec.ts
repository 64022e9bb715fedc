/**
 * Issue 14's read side over HTTP, from the projector's read models on FerretDB: GET /views/complaints
 * lists complaints with and without a case (P1, P2), GET /views/evaluations gives the P7 rates with
 * an upheld appeal taken out, GET /views/rankings orders windows (S1, P7, A2); scope fails closed.
 */
import { tokenFor } from '../api/support/api-harness.js';
import { caseAt, expectOk, type Tokens } from '../api/support/case-fixtures.js';
import {
  concludeComplaint,
  fileComplaint,
  rateByInvitation,
  upholdAppeal,
} from '../api/support/case-steps.js';
import { useTestApi } from '../api/support/test-api-stand.js';

import { startViewsApi, type ViewsApi } from './support/views-api.js';

type Body = Record<string, unknown>;

describe('casework views (FerretDB)', () => {
  let api: ViewsApi;
  let t: Tokens;
  let standalone: string;
  let position: string;
  /** The position of the P3 test's last conclusion. */
  let concluded: string;

  const get = (path: string, token: string) => api.request<Body>('GET', path, undefined, { token });

  useTestApi(
    { open: () => startViewsApi({ projectionWaitMs: 5_000 }), timeoutMs: 120_000 },
    (stand) => ({ api, t } = stand),
  );
  beforeAll(async () => {
    // A complaint without a case, and one filed on a case.
    const received = await expectOk(
      api,
      'POST',
      '/complaints',
      {
        centerId: 'center-1',
        channel: 'window',
        subject: { kind: 'window', id: 'win-3' },
        content: '窗口无人',
      },
      t.guide,
    );
    standalone = received.complaintId as string;
    const rated = await caseAt(api, t, 'completed');
    await fileComplaint(api, t, rated, { channel: 'phone', subject: { kind: 'case' }, content: '办理慢' });
    // Ratings: 5 by device on one case; 1 by the applicant on another, appealed and upheld.
    await expectOk(api, 'POST', `/cases/${rated}/evaluations`, { score: 5, channel: 'device' }, t.window);
    const appealed = await caseAt(api, t, 'completed');
    const rating = await rateByInvitation(api, t, appealed, 1);
    expect(rating.status).toBe(201);
    const last = await upholdAppeal(api, t, appealed, '系统故障', '属实');
    position = last.position as string;
  }, 120_000);

  it('P1, P2: GET /views/complaints lists complaints with and without a case for the center, shows another center’s supervisor nothing and refuses a window', async () => {
    const list = await get(`/views/complaints?minPosition=${position}`, t.supervisor);
    expect(list.status).toBe(200);
    const items = list.body.items as Body[];
    expect(items).toHaveLength(2);
    expect(items.find((i) => i.complaintId === standalone)).toMatchObject({
      caseId: null,
      centerId: 'center-1',
      status: 'received',
      overdue: false,
    });
    expect(items.find((i) => i.complaintId !== standalone)).toMatchObject({
      centerId: 'center-1',
      status: 'received',
    });
    expect(
      ((await get('/views/complaints?status=concluded', t.supervisor)).body.items as Body[]).length,
    ).toBe(0);
    // Keyset pages: newest first, the cursor continues after the last item.
    const first = await get('/views/complaints?limit=1', t.supervisor);
    expect((first.body.items as Body[]).map((i) => i.complaintId)).toEqual([items[0]!.complaintId]);
    const second = await get(
      `/views/complaints?limit=1&cursor=${first.body.nextCursor as string}`,
      t.supervisor,
    );
    expect((second.body.items as Body[]).map((i) => i.complaintId)).toEqual([items[1]!.complaintId]);
    expect(second.body.nextCursor).toBeNull();
    expect((await get('/views/complaints?overdue=true', t.auditor)).body.items).toEqual([]);
    expect(((await get('/views/complaints?overdue=false', t.auditor)).body.items as Body[]).length).toBe(2);
    const other = await tokenFor('supervisor', { sub: 'u-super-2', centerId: 'center-2' });
    expect((await get('/views/complaints', other)).body.items).toEqual([]);
    expect((await get('/views/complaints', t.window)).status).toBe(403);
  });

  it('item 7: on GET /views/complaints a date as `to` includes its whole day, as on every route; a `to` not after `from` is 400', async () => {
    const all = (await get(`/views/complaints?minPosition=${position}`, t.supervisor)).body.items as Body[];
    const day = String(all[0]!.receivedAt).slice(0, 10);
    const ids = (body: Body): unknown[] => (body.items as Body[]).map((i) => i.complaintId).sort();
    const everyId = all.map((i) => i.complaintId).sort();
    expect(ids((await get(`/views/complaints?to=${day}`, t.supervisor)).body)).toEqual(everyId);
    expect(ids((await get(`/views/complaints?from=${day}&to=${day}`, t.supervisor)).body)).toEqual(everyId);
    const sameInstant = encodeURIComponent(`${day}T10:00:00+08:00`);
    const empty = await get(`/views/complaints?from=${sameInstant}&to=${sameInstant}`, t.supervisor);
    expect({ status: empty.status, errors: empty.body.errors }).toEqual({
      status: 400,
      errors: [{ field: 'to', message: 'must be after from' }],
    });
  });

  it('P7: GET /views/evaluations gives the rates with the upheld appeal out of them; GET /views/rankings orders the windows', async () => {
    const rates = await get(
      `/views/evaluations?from=2026-03-01&to=2026-03-31&minPosition=${position}`,
      t.supervisor,
    );
    expect(rates.status).toBe(200);
    expect(rates.body).toMatchObject({
      ratings: 1,
      excludedByAppeal: 1,
      satisfaction: 1,
      basicSatisfaction: 1,
      badReviews: 0,
      completedCases: 2,
      ratingsPerCompletedCase: 0.5,
    });
    const ranked = await get(`/views/rankings?period=2026-03&by=window&minPosition=${position}`, t.auditor);
    expect(ranked.status).toBe(200);
    expect(ranked.body).toMatchObject({
      period: '2026-03',
      by: 'window',
      rows: [{ rank: 1, key: 'win-3', onTimeRate: 1, satisfaction: 1 }],
    });
    expect((await get('/views/rankings?period=2026-13', t.auditor)).status).toBe(400);
  });

  it('P3: a substantiated complaint without a case counts against its window in the ledger and the rankings, as a case complaint does; a window with no case is ranked too', async () => {
    await concludeComplaint(api, t, standalone, { substantiated: true, reply: '属实，已整改' });
    const other = await expectOk(
      api,
      'POST',
      '/complaints',
      {
        centerId: 'center-1',
        channel: 'letter',
        subject: { kind: 'staff', id: 'u-9', windowId: 'win-9', departmentId: 'dept-tax' },
        content: '态度恶劣',
      },
      t.guide,
    );
    const last = await expectOk(
      api,
      'POST',
      `/complaints/${other.complaintId as string}/conclusion`,
      { substantiated: true, reply: '属实' },
      t.supervisor,
    );
    concluded = last.position as string;
    const at = `minPosition=${concluded}`;

    const ledger = await get(`/views/accountability?windowId=win-3&quarter=2026Q1&${at}`, t.supervisor);
    expect(ledger.status).toBe(200);
    const counted = (ledger.body.violations as Body[]).filter((v) => v.code === 'COMPLAINT_SUBSTANTIATED');
    expect(counted).toEqual([expect.objectContaining({ caseId: '', complaintId: standalone, deduction: 5 })]);
    expect(ledger.body.score).toBeLessThan(100);
    // R1: another center's supervisor does not see the complaint in the window's ledger.
    const otherCenter = await tokenFor('supervisor', { sub: 'u-super-2', centerId: 'center-2' });
    const theirs = await get(`/views/accountability?windowId=win-3&quarter=2026Q1`, otherCenter);
    expect((theirs.body.violations as Body[]).some((v) => v.complaintId === standalone)).toBe(false);
    const staff = await get(`/views/accountability?windowId=win-9&quarter=2026Q1`, t.supervisor);
    expect(staff.body.violations).toEqual([
      expect.objectContaining({ code: 'COMPLAINT_SUBSTANTIATED', staffId: 'u-9' }),
    ]);

    const byWindow = await get(`/views/rankings?period=2026-03&by=window&${at}`, t.supervisor);
    const rows = byWindow.body.rows as Body[];
    expect(rows.find((r) => r.key === 'win-3')).toMatchObject({ substantiatedComplaints: 1, violations: 1 });
    expect(rows.find((r) => r.key === 'win-9')).toMatchObject({
      substantiatedComplaints: 1,
      onTimeRate: null,
      satisfaction: null,
    });
    const byDepartment = await get(`/views/rankings?period=2026Q1&by=department&${at}`, t.auditor);
    expect((byDepartment.body.rows as Body[]).find((r) => r.key === 'dept-tax')).toMatchObject({
      substantiatedComplaints: 1,
    });
    expect(
      ((await get(`/views/rankings?period=2026-04&by=window&${at}`, t.supervisor)).body.rows as Body[]).find(
        (r) => r.key === 'win-9',
      ),
    ).toBeUndefined();
  });
  it('S1, P1: GET /views/statistics counts complaints without a case in their window and department, substantiated once concluded so; another center sees none', async () => {
    // After the P3 test: the complaint about win-3 and the one about u-9 (win-9, dept-tax) are
    // concluded substantiated; the case complaint (its case at win-3) is not concluded.
    const march = `from=2026-03-01&to=2026-03-31&minPosition=${concluded}`;
    const win3 = await get(`/views/statistics?windowId=win-3&${march}`, t.supervisor);
    expect(win3.status).toBe(200);
    expect(win3.body).toMatchObject({ complaints: 2, substantiatedComplaints: 1 });
    const tax = await get(`/views/statistics?departmentId=dept-tax&${march}`, t.supervisor);
    expect(tax.body).toMatchObject({ complaints: 1, substantiatedComplaints: 1, received: 0 });
    const otherCenter = await tokenFor('supervisor', { sub: 'u-super-2', centerId: 'center-2' });
    expect((await get(`/views/statistics?windowId=win-9&${march}`, otherCenter)).body).toMatchObject({
      complaints: 0,
      substantiatedComplaints: 0,
    });
  });

  it('R1, P3: a complaint without a case that names a case counts in the ledger of the named case’s center only', async () => {
    // After the other tests: a window of its own (win-5), so their figures stay as they were.
    const named = await caseAt(api, t, 'completed');
    const received = await expectOk(
      api,
      'POST',
      '/complaints',
      {
        centerId: 'center-1',
        channel: 'letter',
        subject: { kind: 'case', id: named, windowId: 'win-5' },
        content: '办理慢',
      },
      t.guide,
    );
    const complaintId = received.complaintId as string;
    const last = await concludeComplaint(api, t, complaintId, { substantiated: true, reply: '属实' });

    const at = `minPosition=${last.position as string}`;
    const ledger = await get(`/views/accountability?windowId=win-5&quarter=2026Q1&${at}`, t.supervisor);
    expect(ledger.body.violations).toEqual([
      expect.objectContaining({ code: 'COMPLAINT_SUBSTANTIATED', caseId: named, complaintId, deduction: 5 }),
    ]);
    expect(ledger.body.score).toBe(95);
    const otherCenter = await tokenFor('supervisor', { sub: 'u-super-2', centerId: 'center-2' });
    expect(
      (await get(`/views/accountability?windowId=win-5&quarter=2026Q1`, otherCenter)).body,
    ).toMatchObject({
      score: 100,
      violations: [],
    });
  });

  it('R1: GET /views/rankings counts only the violations of the reader’s center, though window ids repeat from center to center', async () => {
    // A window of its own (win-7): one substantiated complaint in center-1, two in center-2.
    const guide2 = await tokenFor('guide', { sub: 'u-guide-c2', centerId: 'center-2' });
    const supervisor2 = await tokenFor('supervisor', { sub: 'u-super-c2', centerId: 'center-2' });
    const substantiated = async (centerId: string, guide: string, supervisor: string): Promise<Body> => {
      const received = await expectOk(
        api,
        'POST',
        '/complaints',
        { centerId, channel: 'window', subject: { kind: 'window', id: 'win-7' }, content: '窗口无人' },
        guide,
      );
      return expectOk(
        api,
        'POST',
        `/complaints/${received.complaintId as string}/conclusion`,
        { substantiated: true, reply: '属实' },
        supervisor,
      );
    };
    await substantiated('center-1', t.guide, t.supervisor);
    await substantiated('center-2', guide2, supervisor2);
    const last = await substantiated('center-2', guide2, supervisor2);
    const at = `minPosition=${last.position as string}`;

    const ownRow = async (token: string): Promise<Body | undefined> =>
      ((await get(`/views/rankings?period=2026-03&by=window&${at}`, token)).body.rows as Body[]).find(
        (r) => r.key === 'win-7',
      );
    expect(await ownRow(t.supervisor)).toMatchObject({
      substantiatedComplaints: 1,
      violations: 1,
      ledgerScore: 95,
    });
    expect(await ownRow(supervisor2)).toMatchObject({
      substantiatedComplaints: 2,
      violations: 2,
      ledgerScore: 90,
    });
    // The ledger of the same window agrees with the rankings.
    const ledger = await get(`/views/accountability?windowId=win-7&quarter=2026Q1&${at}`, t.supervisor);
    expect(ledger.body).toMatchObject({ score: 95 });
  });
});
