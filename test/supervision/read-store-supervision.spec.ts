/**
 * Supervision's read-store parts against a real read store (FerretDB): the C6 completion ledger and
 * the back-dated entries view (projection and GET /views/audit/backdated). The due-case query over
 * case_due_buckets has its own suite (due-case-buckets.spec.ts).
 */
import type { Db } from 'mongodb';
import { START } from '#infra/event-store/event-store.port.js';
import { ReadStoreCompletionLedger } from '../../apps/projector/src/supervision/read-store-completion-ledger.js';
import { tokenFor } from '../api/support/api-harness.js';
import { caseAt, expectOk, INQUIRY, type Tokens } from '../api/support/case-fixtures.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { startTestReadServer, type TestReadServer } from '../projector/support/test-ferretdb.js';
import { useTestApi } from '../api/support/test-api-stand.js';

describe('supervision on the read store (FerretDB)', () => {
  let server: TestReadServer;
  let readStore: { db: Db };

  beforeAll(async () => {
    server = await startTestReadServer();
    readStore = await server.database('supervision_test');
  });
  afterAll(() => server?.close());

  it('completion ledger: a department’s latest completions up to an instant; the checkpoint only moves forward', async () => {
    const ledger = new ReadStoreCompletionLedger(readStore.db);
    const other = new ReadStoreCompletionLedger(readStore.db);
    await ledger.ensureIndexes();
    const c = (caseId: string, departmentId: string, completedAt: string, onTime: boolean) => ({
      caseId,
      departmentId,
      completedAt,
      onTime,
    });
    await ledger.record(c('a', 'dept-market', '2026-03-01T10:00:00.000+08:00', false));
    await ledger.record(c('b', 'dept-market', '2026-03-03T10:00:00.000+08:00', true));
    await ledger.record(c('x', 'dept-tax', '2026-03-04T10:00:00.000+08:00', false));
    await ledger.record(c('d', 'dept-market', '2026-03-05T10:00:00.000+08:00', false));
    await other.record(c('d', 'dept-market', '2026-03-05T10:00:00.000+08:00', false)); // twice: once
    expect(await ledger.recent('dept-market', '2026-03-05T10:00:00.000+08:00', 2)).toEqual([
      c('d', 'dept-market', '2026-03-05T10:00:00.000+08:00', false),
      c('b', 'dept-market', '2026-03-03T10:00:00.000+08:00', true),
    ]);
    expect(
      (await ledger.recent('dept-market', '2026-03-04T00:00:00.000+08:00', 5)).map((x) => x.caseId),
    ).toEqual(['b', 'a']);
    expect(await ledger.checkpoint()).toBe(START);
    const p1 = '00000000000000000010:00000000000000000005';
    const p2 = '00000000000000000012:00000000000000000001';
    await ledger.saveCheckpoint(p2);
    await other.saveCheckpoint(p1); // a slower loop does not move it back
    expect(await other.checkpoint()).toBe(p2);
  });

  describe('back-dated entries (U2): GET /views/audit/backdated, from the projector', () => {
    let api: SupervisedApi;
    let t: Tokens;
    useTestApi(
      { open: () => startSupervisedApi({ start: '2026-03-02T10:00:00+08:00' }) },
      (stand) => ({ api, t } = stand),
    );

    it('lists back-dated entries with reason, actor, case and gap; filters; pages; auditors only', async () => {
      const a = await caseAt(api, t, 'received'); // at 10:00
      await api.setClock('2026-03-02T12:00:00+08:00');
      await expectOk(
        api,
        'POST',
        `/cases/${a}/acceptance`,
        { receiptNo: 'SL-1', occurredAt: '2026-03-02T10:30:00+08:00', lateEntryReason: '网络中断，事后补录' },
        t.window,
      );
      const taxWindow = await tokenFor('window', {
        sub: 'u-tax',
        name: '窗口赵强',
        departmentId: 'dept-tax',
        windowId: 'win-9',
      });
      await api.setClock('2026-03-02T15:00:00+08:00');
      const created = await expectOk(
        api,
        'POST',
        '/cases/inquiries',
        { ...INQUIRY, occurredAt: '2026-03-02T14:40:00+08:00', lateEntryReason: '咨询台登记遗漏' },
        taxWindow,
      );
      await expectOk(api, 'POST', '/cases/inquiries', INQUIRY, t.guide); // on time: not listed
      await api.viewsCaughtUp(); // the projector's runner applies the back-dated entries projection

      const all = await api.request<{ items: Record<string, unknown>[]; nextCursor: string | null }>(
        'GET',
        '/views/audit/backdated',
        undefined,
        { token: t.auditor },
      );
      expect(all.status).toBe(200);
      expect(all.body.items).toEqual([
        expect.objectContaining({
          caseId: created.caseId,
          eventType: 'InquiryRegistered',
          gapMinutes: 20,
          lateEntryReason: '咨询台登记遗漏',
          actor: expect.objectContaining({ id: 'u-tax', departmentId: 'dept-tax' }),
        }),
        expect.objectContaining({
          caseId: a,
          eventType: 'ApplicationAccepted',
          occurredAt: '2026-03-02T10:30:00.000+08:00',
          recordedAt: '2026-03-02T12:00:00.000+08:00',
          gapMinutes: 90,
          lateEntryReason: '网络中断，事后补录',
          actor: expect.objectContaining({
            id: 'u-window',
            name: '窗口王芳',
            role: 'window',
            departmentId: 'dept-market',
            windowId: 'win-3',
          }),
        }),
      ]);
      expect(all.body.nextCursor).toBeNull();

      const get = (query: string, token = t.auditor) =>
        api.request<{ items: { caseId: string }[]; nextCursor: string | null }>(
          'GET',
          `/views/audit/backdated${query}`,
          undefined,
          { token },
        );
      expect((await get('?departmentId=dept-market')).body.items.map((x) => x.caseId)).toEqual([a]);
      expect(
        (await get(`?from=${encodeURIComponent('2026-03-02T14:00:00+08:00')}`)).body.items.map(
          (x) => x.caseId,
        ),
      ).toEqual([created.caseId]);
      expect(
        (await get(`?to=${encodeURIComponent('2026-03-02T14:00:00+08:00')}`)).body.items.map((x) => x.caseId),
      ).toEqual([a]);
      const first = await get('?limit=1');
      expect(first.body.items.map((x) => x.caseId)).toEqual([created.caseId]);
      const second = await get(`?limit=1&cursor=${first.body.nextCursor!}`);
      expect(second.body).toEqual({ items: [expect.objectContaining({ caseId: a })], nextCursor: null });

      expect((await get('', t.supervisor)).status).toBe(403);
      expect((await get('', t.window)).status).toBe(403);
      expect((await get('?cursor=bogus')).status).toBe(400);
      expect((await get('?from=yesterday')).status).toBe(400);
      expect((await get('?limit=0')).status).toBe(400);
    });
  });
});
