/**
 * Supervision of complaints without a case (T10, P2) as `npm start` runs it: the projector writes
 * `complaint_views` on FerretDB, POST /admin/clock runs a tick, the loop reads the due complaints
 * from the view's `next_check` index and appends the domain's `ComplaintOverdueFlagged` with a
 * derived id, once however many loops tick; GET /views/complaints shows the recorded flag.
 */
import type { ComplaintEvent } from '#domain/complaint/complaint-events.js';
import { complaintSupervisionEventId } from '../../apps/projector/src/supervision/supervision-event-id.js';
import { ReadStoreDueComplaints } from '../../apps/projector/src/supervision/complaints/read-store-due-complaints.js';
import { expectOk, type Tokens } from '../api/support/case-fixtures.js';
import { concludeComplaint } from '../api/support/case-steps.js';
import { startSupervisedApi, type SupervisedApi } from './support/supervised-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';

type Item = Record<string, unknown>;
const DAY = 24 * 3600_000;

describe('supervision of complaints without a case (T10, P2)', () => {
  let api: SupervisedApi;
  let t: Tokens;

  const receive = async (content: string): Promise<string> =>
    (
      await expectOk(
        api,
        'POST',
        '/complaints',
        { centerId: 'center-1', channel: 'hotline', subject: { kind: 'window', id: 'win-3' }, content },
        t.guide,
      )
    ).complaintId as string;
  const flagsOf = async (complaintId: string) =>
    (await api.store.readStream(`complaint-${complaintId}`)).filter(
      (e) => e.type === 'ComplaintOverdueFlagged',
    );
  const listed = async (complaintId: string): Promise<Item | undefined> =>
    (
      (await api.request('GET', '/views/complaints', undefined, { token: t.supervisor })).body.items as Item[]
    ).find((i) => i.complaintId === complaintId);

  useTestApi({ open: () => startSupervisedApi(), timeoutMs: 120_000 }, (stand) => ({ api, t } = stand));

  it('T10, P2: a complaint open past its 5 working days is flagged once by supervision, by one loop or three; one concluded in time never is', async () => {
    const late = await receive('窗口长时间无人'); // 2026-03-02 09:00: due 03-09 17:30
    const inTime = await receive('窗口态度差');
    await concludeComplaint(api, t, inTime, { substantiated: false, reply: '经查不属实' });

    await api.setClock('2026-03-09T17:29:00+08:00');
    expect(await flagsOf(late)).toHaveLength(0);
    expect(await listed(late)).toMatchObject({ overdue: false, overdueFlagged: false });

    await api.setClock('2026-03-09T17:31:00+08:00'); // the tick of POST /admin/clock
    const [flag, ...more] = await flagsOf(late);
    expect(more).toHaveLength(0);
    expect(flag).toMatchObject({
      type: 'ComplaintOverdueFlagged',
      actor: { id: 'system:supervision', role: 'system' },
      data: { dueAt: '2026-03-09T17:30:00+08:00' },
    });
    expect(flag!.eventId).toBe(
      complaintSupervisionEventId(late, { type: flag!.type, data: flag!.data } as ComplaintEvent),
    );
    const received = (await api.store.readStream(`complaint-${late}`))[0]!;
    expect(flag!.causationId).toBe(received.eventId);

    // Replays and other supervisors: nothing more is recorded.
    const reports = await Promise.all([api.loop.tick(), api.secondLoop().tick(), api.secondLoop().tick()]);
    expect(reports.reduce((n, r) => n + r.complaintFlags + r.failed, 0)).toBe(0);
    expect(await flagsOf(late)).toHaveLength(1);
    expect(await flagsOf(inTime)).toHaveLength(0);

    expect(await listed(late)).toMatchObject({ status: 'received', overdue: true, overdueFlagged: true });
    expect(
      (await api.request('GET', `/complaints/${late}`, undefined, { token: t.supervisor })).body,
    ).toMatchObject({ overdue: true, overdueFlagged: true });
    expect(await listed(inTime)).toMatchObject({
      status: 'concluded',
      overdue: false,
      overdueFlagged: false,
    });

    // Concluded late: no longer overdue now, still flagged on the record, and never looked at again.
    await concludeComplaint(api, t, late, { substantiated: true, reply: '属实，已整改' });

    expect(await listed(late)).toMatchObject({
      status: 'concluded',
      late: true,
      overdue: false,
      overdueFlagged: true,
    });
    await api.setClock('2026-03-20T10:00:00+08:00');
    expect((await api.loop.tick()).complaintsDue).toBe(0);
    expect(await flagsOf(late)).toHaveLength(1);
  });

  it('T10: the due complaints are a keyset range over complaint_views.nextCheckAtMs: in (limit, id) order, page after page; null (concluded, flagged, case complaints) and future limits never come', async () => {
    const views = api.db!.collection<Record<string, unknown> & { _id: string }>('complaint_views');
    const t0 = Date.parse('2026-04-01T17:30:00+08:00');
    const doc = (id: string, nextCheckAtMs: number | null) => ({ _id: `zz-${id}`, nextCheckAtMs });
    await views.insertMany([
      doc('b', t0),
      doc('a', t0),
      doc('c', t0 + 1000),
      doc('closed', null),
      doc('future', t0 + 10 * DAY),
      doc('d', t0 - DAY),
    ]);
    const due = new ReadStoreDueComplaints(api.db!);
    const now = t0 + 5000;
    const first = await due.dueAt(now, 2);
    expect(first.map((d) => d.complaintId)).toEqual(['zz-d', 'zz-a']);
    const second = await due.dueAt(now, 2, first[1]);
    expect(second.map((d) => d.complaintId)).toEqual(['zz-b', 'zz-c']);
    expect(await due.dueAt(now, 2, second[1])).toEqual([]);
    expect(second[1]).toEqual({ complaintId: 'zz-c', nextCheckAt: t0 + 1000 });
    await views.deleteMany({ _id: { $in: ['a', 'b', 'c', 'closed', 'future', 'd'].map((x) => `zz-${x}`) } });
  });
});
