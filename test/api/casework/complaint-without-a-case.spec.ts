/**
 * Issue 14's walk of a complaint without a case over HTTP on PGlite (P1, P2): received about a staff
 * member, investigated, concluded, then looked up by the complainant without a token and without
 * personal data (the domain specs cover the rules on every path).
 */
import type { TestApi } from '../support/api-harness.js';
import { useCaseworkApi, type Recorded } from '../support/casework-api.js';
import { tokenFor } from '../support/api-harness.js';
import { expectOk, type Tokens } from '../support/case-fixtures.js';
import { concludeComplaint } from '../support/case-steps.js';

describe('complaint without a case over HTTP (P1, P2)', () => {
  let api: TestApi;
  let t: Tokens;

  useCaseworkApi((stand) => ({ api, t } = stand));

  it('P1, P2: a complaint about a staff member with no case, investigated and concluded, then looked up by the complainant without a token and without personal data', async () => {
    const received = await api.request(
      'POST',
      '/complaints',
      {
        centerId: 'center-1',
        channel: 'hotline',
        subject: { kind: 'staff', id: 'u-window', windowId: 'win-3', departmentId: 'dept-market' },
        content: '窗口工作人员拒绝登记我的申请，也不说明理由',
        complainant: { name: '李四', phone: '13900139000' },
      },
      { token: t.guide },
    );
    expect(received.status).toBe(201);
    const { complaintId, receiptNo, queryCode } = received.body as Record<string, string>;
    expect(receiptNo).toBe(complaintId);
    expect(complaintId).toMatch(/^TS-20260302-[A-Z2-9]{8}$/);
    expect(queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(JSON.stringify(received.body.events)).not.toContain(queryCode);
    expect((received.body.events as Recorded[])[0]).toMatchObject({
      type: 'ComplaintReceived',
      data: { dueAt: '2026-03-09T17:30:00+08:00' },
    });
    // I1: the guide's answer shows the complainant masked, as GET /complaints/{id} does.
    expect((received.body.events as Recorded[])[0]!.data).toMatchObject({
      complainant: { name: '李*', phone: '1********00' },
    });
    expect(JSON.stringify(received.body)).not.toContain('13900139000');

    // R1, finding 13: another center's complaint answers as one never received, naming no center.
    const otherCenter = await tokenFor('supervisor', { sub: 'u-super-2', centerId: 'center-2' });
    expect(
      (
        await api.request(
          'POST',
          `/complaints/${complaintId}/investigation`,
          { note: '调查' },
          { token: otherCenter },
        )
      ).body,
    ).toEqual(
      expect.objectContaining({
        status: 404,
        code: 'COMPLAINT_NOT_FOUND',
        detail: expect.not.stringMatching(/center-1/),
      }),
    );
    await expectOk(
      api,
      'POST',
      `/complaints/${complaintId}/investigation`,
      { note: '调取窗口监控录像' },
      t.supervisor,
    );
    const public1 = await api.request('GET', `/public/complaints/${receiptNo}?code=${queryCode}`, undefined, {
      token: null,
    });
    expect(public1.status).toBe(200);
    expect(public1.body).toEqual({
      receiptNo,
      status: 'investigating',
      receivedAt: '2026-03-02T09:00:00+08:00',
      dueAt: '2026-03-09T17:30:00+08:00',
    });

    await concludeComplaint(api, t, complaintId, {
      substantiated: true,
      reply: '经调查属实，已对相关工作人员批评教育，感谢您的监督。',
    });

    const again = await api.request(
      'POST',
      `/complaints/${complaintId}/conclusion`,
      { substantiated: false, reply: 'x' },
      { token: t.supervisor },
    );
    expect(again.body).toMatchObject({ status: 422, code: 'P2_COMPLAINT_ALREADY_CONCLUDED' });

    const lookup = await api.request(
      'GET',
      `/public/complaints/${receiptNo}?code=${queryCode.toLowerCase()}`,
      undefined,
      { token: null },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({
      status: 'concluded',
      concludedAt: '2026-03-02T09:00:00+08:00',
      reply: '经调查属实，已对相关工作人员批评教育，感谢您的监督。',
    });
    const text = JSON.stringify(lookup.body);
    for (const personal of ['李四', '13900139000', 'u-window', '拒绝登记'])
      expect(text).not.toContain(personal);

    const wrong = await api.request('GET', `/public/complaints/${receiptNo}?code=AAAAAAAA`, undefined, {
      token: null,
    });
    expect(wrong.status).toBe(404);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(wrong.body).toMatchObject({ code: 'COMPLAINT_NOT_FOUND' });
    expect(
      (
        await api.request('GET', `/public/complaints/TS-20260302-NOSUCHXX?code=${queryCode}`, undefined, {
          token: null,
        })
      ).status,
    ).toBe(404);

    const staffView = await api.request('GET', `/complaints/${complaintId}`, undefined, {
      token: t.supervisor,
    });
    expect(staffView.body).toMatchObject({
      status: 'concluded',
      substantiated: true,
      late: false,
      overdue: false,
      complainant: { name: '李*', phone: '1********00' },
    });
    expect((staffView.body.history as unknown[]).length).toBe(3);
    // API.md: every query takes minPosition, and a malformed one is refused naming it.
    expect(
      (
        await api.request('GET', `/complaints/${complaintId}?minPosition=nonsense`, undefined, {
          token: t.supervisor,
        })
      ).body,
    ).toMatchObject({ status: 400, errors: [{ field: 'minPosition' }] });
    expect(
      (await api.request('GET', `/complaints/${complaintId}`, undefined, { token: t.auditor })).body,
    ).toMatchObject({ complainant: { name: '李四', phone: '13900139000' } });
    expect(
      (await api.request('GET', `/complaints/${complaintId}`, undefined, { token: t.window })).status,
    ).toBe(403);
    // R1: another center's supervisor reads it as one never received; a role that reads no
    // complaints is refused for its role whether or not the complaint exists.
    const elsewhere = await api.request('GET', `/complaints/${complaintId}`, undefined, {
      token: otherCenter,
    });
    const never = await api.request('GET', `/complaints/${crypto.randomUUID()}`, undefined, {
      token: otherCenter,
    });
    expect(elsewhere.body).toEqual(never.body);
    expect(never.body).toMatchObject({ status: 404, code: 'COMPLAINT_NOT_FOUND' });
    expect(
      (await api.request('GET', `/complaints/${crypto.randomUUID()}`, undefined, { token: t.window })).status,
    ).toBe(403);
  });

  it('Idempotency-Key: a retry after midnight finds the first attempt’s complaint and records nothing; another body under that key is refused', async () => {
    const body = {
      centerId: 'center-1',
      channel: 'phone',
      subject: { kind: 'window', id: 'win-3' },
      content: '窗口无人',
    };
    const headers = { 'Idempotency-Key': 'complaint-over-midnight' };
    const first = await api.request('POST', '/complaints', body, { token: t.guide, headers });
    expect(first.status).toBe(201);
    api.clock.set(api.clock.now() + 86_400_000);
    const retry = await api.request('POST', '/complaints', body, { token: t.guide, headers });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({
      complaintId: first.body.complaintId,
      queryCode: first.body.queryCode,
      events: first.body.events,
    });
    const other = await api.request(
      'POST',
      '/complaints',
      { ...body, content: '另一件事' },
      { token: t.guide, headers },
    );
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    // Nothing was received under the retry's own day.
    const day = String(first.body.complaintId).slice(3, 11);
    const nextDay = `TS-${String(Number(day) + 1)}-${String(first.body.complaintId).slice(12)}`;
    expect(await api.store.readStream(`complaint-${nextDay}`)).toEqual([]);
  });
});
