/**
 * Issue 14's walks over HTTP on PGlite (the domain specs cover the rules on every path; this suite
 * shows the routes answer as API.md says): a complaint without a case to its public lookup (P1, P2),
 * a denial without the rights notice (N6), a local suspension type (T6), the applicant's one-time
 * invitation, a bad review's callback and upheld appeal (P5, P6), an approval delivered on the
 * 11th working day (T12) and an escalated case reviewed late (T13).
 */
import { startApi, tokenFor, type TestApi } from './support/api-harness.js';
import {
  caseAt,
  defineMatters,
  expectOk,
  PROMISED_MATTER,
  tokens,
  type Tokens,
} from './support/case-fixtures.js';

const NOTICE =
  '如不服本决定，可自收到之日起60日内向某某县人民政府申请行政复议，或6个月内向某某县人民法院提起行政诉讼。';
type Recorded = { type: string; data: Record<string, unknown> };

describe('casework over HTTP (P1, P2, N6, T6, P5, P6, T12, T13)', () => {
  let api: TestApi;
  let t: Tokens;
  const eventsOf = async (caseId: string): Promise<Recorded[]> =>
    (await api.request('GET', `/cases/${caseId}/events?limit=500`, undefined, { token: t.auditor })).body
      .items as Recorded[];

  beforeAll(async () => {
    api = await startApi('pglite');
    t = await tokens();
    await expectOk(
      api,
      'PUT',
      '/admin/centers/center-1',
      {
        name: '某某县政务服务中心',
        officeHours: [
          { start: '08:30', end: '12:00' },
          { start: '14:30', end: '17:30' },
        ],
        localSuspensionTypes: ['site_survey'],
      },
      t.admin,
    );
    await defineMatters(api, t);
    await expectOk(
      api,
      'PUT',
      '/admin/matters/M-003',
      { ...PROMISED_MATTER, name: '药品经营许可（上报）', kind: 'escalated', promisedLimitDays: 20 },
      t.admin,
    );
  });
  afterAll(() => api?.close());

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
    ).toMatchObject({ status: 403, code: 'OUT_OF_SCOPE' });
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

    await expectOk(
      api,
      'POST',
      `/complaints/${complaintId}/conclusion`,
      { substantiated: true, reply: '经调查属实，已对相关工作人员批评教育，感谢您的监督。' },
      t.supervisor,
    );
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
    expect(
      (await api.request('GET', `/complaints/${complaintId}`, undefined, { token: t.auditor })).body,
    ).toMatchObject({ complainant: { name: '李四', phone: '13900139000' } });
    expect(
      (await api.request('GET', `/complaints/${complaintId}`, undefined, { token: t.window })).status,
    ).toBe(403);
  });

  it('N6: a denial without the rights notice is refused and records nothing; with it, the case closes with the decision', async () => {
    const id = await caseAt(api, t, 'accepted');
    const before = (await eventsOf(id)).length;
    const refused = await api.request(
      'POST',
      `/cases/${id}/completion`,
      { outcome: 'denied', decisionNo: 'BY-1', reasons: ['经营场所不符合卫生要求'] },
      { token: t.window },
    );
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      code: 'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
      title: '不予许可须告知申请行政复议或提起行政诉讼的权利',
      errors: [{ field: 'remediesNotice' }],
    });
    expect(await eventsOf(id)).toHaveLength(before);
    await expectOk(
      api,
      'POST',
      `/cases/${id}/completion`,
      { outcome: 'denied', decisionNo: 'BY-1', reasons: ['经营场所不符合卫生要求'], remediesNotice: NOTICE },
      t.window,
    );
    expect((await api.request('GET', `/cases/${id}`, undefined, { token: t.window })).body).toMatchObject({
      status: 'completed',
    });
    expect(
      (await api.request('POST', `/cases/${id}/delivery`, { channel: 'post' }, { token: t.window })).body,
    ).toMatchObject({ status: 422, code: 'T12_DELIVERY_NOT_DUE' });
  });

  it('T6: a local type the center allows is recorded as local and flagged LOCAL_SUSPENSION; a type neither statutory nor allowed is refused', async () => {
    const id = await caseAt(api, t, 'accepted');
    const body = { reason: '需现场勘查', expectedDays: 3, applicantNotifiedAt: '2026-03-02T09:00:00+08:00' };
    const refused = await api.request(
      'POST',
      `/cases/${id}/suspensions`,
      { ...body, type: 'public_notice' },
      { token: t.window },
    );
    expect(refused.body).toMatchObject({ status: 422, code: 'T6_SUSPENSION_TYPE_NOT_ALLOWED' });
    const local = await expectOk(
      api,
      'POST',
      `/cases/${id}/suspensions`,
      { ...body, type: 'site_survey' },
      t.window,
    );
    expect((local.events as Recorded[])[0]!.data).toMatchObject({
      suspensionType: 'site_survey',
      local: true,
      expectedDays: 3,
    });
    expect(
      (await api.request('GET', `/cases/${id}`, undefined, { token: t.supervisor })).body.flags,
    ).toContain('LOCAL_SUSPENSION');
  });

  it('P5, P6: the applicant rates through the invitation (works once, no token); a bad review gets its callback and an upheld appeal', async () => {
    const id = await caseAt(api, t, 'accepted');
    const early = await api.request('POST', `/cases/${id}/evaluation-invitations`, {}, { token: t.window });
    expect(early.body).toMatchObject({ status: 422, code: 'P5_NOT_DECIDED_YET' });
    await expectOk(
      api,
      'POST',
      `/cases/${id}/completion`,
      { outcome: 'approved', decisionNo: 'JD-7' },
      t.window,
    );
    const invited = await expectOk(api, 'POST', `/cases/${id}/evaluation-invitations`, {}, t.window);
    expect(invited).toMatchObject({ caseId: id, expiresAt: '2026-04-01T09:00:00+08:00' });
    const invitation = invited.invitation as string;
    expect(invited.url).toBe(`/public/evaluations?invitation=${invitation}`);

    const forged = await api.request(
      'POST',
      '/public/evaluations',
      { invitation: `${invitation.split('.')[0]}.${'A'.repeat(43)}`, score: 5 },
      { token: null },
    );
    expect(forged.body).toMatchObject({ status: 404, code: 'P5_INVITATION_INVALID' });
    const rated = await api.request(
      'POST',
      '/public/evaluations',
      { invitation, score: 1, comment: '等了两个小时' },
      { token: null },
    );
    expect(rated.status).toBe(201);
    expect((rated.body.events as (Recorded & { actor: { role: string } })[])[0]).toMatchObject({
      type: 'EvaluationSubmitted',
      actor: { role: 'applicant' },
      data: { channel: 'invitation', score: 1, bad: true, callbackDueAt: '2026-03-09T17:30:00+08:00' },
    });
    const twice = await api.request('POST', '/public/evaluations', { invitation, score: 5 }, { token: null });
    expect(twice.body).toMatchObject({ status: 409, code: 'P5_INVITATION_USED' });

    // staff rating for the applicant is flagged
    await expectOk(api, 'POST', `/cases/${id}/evaluations`, { score: 5, channel: 'proxy' }, t.guide);
    expect(
      (await api.request('GET', `/cases/${id}`, undefined, { token: t.supervisor })).body.flags,
    ).toContain('PROXY_RATING');

    await expectOk(
      api,
      'POST',
      `/cases/${id}/evaluations/1/callback`,
      { contactedAt: '2026-03-02T09:00:00+08:00', result: '已致歉并说明改进措施' },
      t.window,
    );
    expect(
      (await api.request('POST', `/cases/${id}/evaluations/1/appeal`, { reason: '无' }, { token: t.window }))
        .status,
    ).toBe(403);
    await expectOk(
      api,
      'POST',
      `/cases/${id}/evaluations/1/appeal`,
      { reason: '差评所涉等候时间系系统故障所致，已报备' },
      t.approver,
    );
    const decided = await expectOk(
      api,
      'POST',
      `/cases/${id}/evaluations/1/appeal/decision`,
      { upheld: true, reason: '经核实系系统故障，申诉成立' },
      t.supervisor,
    );
    expect((decided.events as Recorded[])[0]).toMatchObject({
      type: 'EvaluationAppealDecided',
      data: { upheld: true },
    });
    // upheld: out of the rates, never out of the record
    expect((await eventsOf(id)).filter((e) => e.type === 'EvaluationSubmitted')).toHaveLength(2);
  });

  it('T12, T13: an approval delivered on the 11th working day is flagged LATE_DELIVERY; an escalated case reviewed after 20 working days LATE_PRELIMINARY_REVIEW', async () => {
    const approved = await caseAt(api, t, 'accepted');
    const escalated = await caseAt(api, t, 'accepted', { matter: 'M-003' });
    await api.setClock('2026-03-03T10:00:00+08:00');
    const decision = await expectOk(
      api,
      'POST',
      `/cases/${approved}/completion`,
      { outcome: 'approved', decisionNo: 'JD-11' },
      t.window,
    );
    expect((decision.events as Recorded[])[0]!.data).toMatchObject({
      delivery: 'pending',
      deliveryDueAt: '2026-03-17T17:30:00+08:00',
    });
    expect(
      (await api.request('GET', `/cases/${approved}`, undefined, { token: t.window })).body,
    ).toMatchObject({ status: 'decided' });

    await api.setClock('2026-03-18T10:00:00+08:00');
    const delivered = await expectOk(
      api,
      'POST',
      `/cases/${approved}/delivery`,
      { channel: 'post', trackingNo: 'EMS1234567890', licenceNo: 'JY-2026-11' },
      t.window,
    );
    expect((delivered.events as Recorded[])[0]).toMatchObject({
      type: 'DecisionDelivered',
      data: { late: true, dueAt: '2026-03-17T17:30:00+08:00' },
    });
    const closed = (await api.request('GET', `/cases/${approved}`, undefined, { token: t.supervisor })).body;
    expect(closed).toMatchObject({ status: 'completed' });
    expect(closed.flags).toContain('LATE_DELIVERY');

    await api.setClock('2026-03-31T10:00:00+08:00');
    const review = await expectOk(
      api,
      'POST',
      `/cases/${escalated}/preliminary-review`,
      { opinion: '材料齐全，同意上报', forwardedTo: '某某市市场监督管理局' },
      t.approver,
    );
    expect((review.events as Recorded[])[0]).toMatchObject({
      type: 'PreliminaryReviewCompleted',
      data: { late: true, dueAt: '2026-03-30T17:30:00+08:00' },
    });
    expect(
      (await api.request('GET', `/cases/${escalated}`, undefined, { token: t.supervisor })).body.flags,
    ).toContain('LATE_PRELIMINARY_REVIEW');
    expect(
      (
        await api.request(
          'POST',
          `/cases/${approved}/preliminary-review`,
          { opinion: 'x', forwardedTo: 'y' },
          { token: t.approver },
        )
      ).status,
    ).toBe(409);
  });
});
