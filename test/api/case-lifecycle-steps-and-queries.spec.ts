/**
 * A case through its whole life over HTTP, on PGlite and on the PostgreSQL server: inquiry,
 * referral, application, one-time notice, supplement, acceptance with its deadline (T4, T9),
 * suspension and resumption (T6), extension (T7), completion; complaint and evaluation; the
 * queries from the event store (events, state as of an instant, integrity); I1 masking. The cards
 * and the configuration a case follows: case-lifecycle-cards-and-configuration.spec.ts.
 */
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { caseStateOf, toCaseEvent } from '#infra/case-stream/case-stream.js';
import { STORE_KINDS, type TestApi } from './support/api-harness.js';
import { expectOk, INQUIRY, type Tokens } from './support/case-fixtures.js';
import { useLifecycleApi } from './support/case-lifecycle.js';
import {
  applyFor,
  approve,
  concludeComplaint,
  fileComplaint,
  rectify,
  suspendForInspection,
} from './support/case-steps.js';

describe.each(STORE_KINDS)('a case through its whole life (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  useLifecycleApi(kind, (stand) => ({ api, t } = stand));

  it('records every step with the actor from the token, and answers as API.md says', async () => {
    const guideInquiry = await api.request('POST', '/cases/inquiries', INQUIRY, { token: t.guide });
    expect(guideInquiry.status).toBe(201);
    expect(guideInquiry.headers.get('etag')).toBe('"0"');
    const caseId = guideInquiry.body.caseId as string;
    expect(guideInquiry.body).toMatchObject({
      caseId,
      revision: 0,
      events: [{ type: 'InquiryRegistered', revision: 0 }],
    });
    const registered = (guideInquiry.body.events as Record<string, unknown>[])[0]!;
    expect(registered.actor).toEqual({
      id: 'u-guide',
      name: '导办员小李',
      role: 'guide',
      departmentId: 'dept-service',
      windowId: null,
    });
    expect(registered.streamId).toBe(`case-${caseId}`);
    expect(typeof guideInquiry.body.position).toBe('string');
    expect(registered.occurredAt).toBe('2026-03-02T09:00:00.000+08:00');

    // F2: the guide refers the applicant to the market window with a named handler.
    await expectOk(
      api,
      'POST',
      `/cases/${caseId}/referral`,
      {
        toDepartmentId: 'dept-market',
        toWindowId: 'win-3',
        handlerName: '王芳',
        handlerPhone: '0571-88001234',
      },
      t.guide,
      { 'X-Correlation-Id': 'corr-lifecycle-1' },
    );
    await api.setClock('2026-03-02T10:00:00+08:00');
    const applied = await applyFor(api, caseId, t.window, { materials: [{ code: 'id', name: '身份证' }] });
    expect((applied.events as Record<string, unknown>[])[0]).toMatchObject({
      type: 'ApplicationReceived',
      revision: 2,
    });

    const notice = await expectOk(
      api,
      'POST',
      `/cases/${caseId}/supplement-notices`,
      { noticeNo: 'BZ-2026-0001', items: [{ code: 'lease', name: '场地租赁合同', problem: 'missing' }] },
      t.window,
    );
    expect((notice.events as { data: Record<string, unknown> }[])[0]!.data).toMatchObject({
      sequence: 1,
      late: false,
      repeated: false,
    });
    await expectOk(
      api,
      'POST',
      `/cases/${caseId}/supplement`,
      { materials: [{ code: 'lease', name: '场地租赁合同' }] },
      t.window,
    );

    // T4: accepted Monday 2026-03-02 11:00 with a 5-day limit → due Monday 2026-03-09 17:30.
    await api.setClock('2026-03-02T11:00:00+08:00');
    const accepted = await api.request(
      'POST',
      `/cases/${caseId}/acceptance`,
      { receiptNo: 'SL-2026-0001' },
      { token: t.window },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.headers.get('etag')).toBe('"5"');
    const acceptance = (accepted.body.events as { type: string; data: Record<string, unknown> }[])[0]!;
    expect(acceptance.type).toBe('ApplicationAccepted');
    expect(acceptance.data).toMatchObject({
      receiptNo: 'SL-2026-0001',
      kind: 'promised',
      limitDays: 5,
      deadline: '2026-03-09T17:30:00+08:00',
      provisional: false,
    });
    expect(typeof acceptance.data.calendarVersion).toBe('string');

    // T6: a site survey from Tuesday 09:00 to Wednesday 09:00 pauses 390 office minutes.
    await api.setClock('2026-03-03T09:00:00+08:00');
    await suspendForInspection(api, t, caseId, '需检验经营场所设备', '2026-03-03T09:00:00+08:00');
    await api.setClock('2026-03-04T09:00:00+08:00');
    // A resumption has no fields: sent without a body at all.
    const resumed = await expectOk(
      api,
      'POST',
      `/cases/${caseId}/suspensions/1/resumption`,
      undefined,
      t.window,
    );
    expect((resumed.events as { data: Record<string, unknown> }[])[0]!.data).toMatchObject({
      suspensionNo: 1,
      suspendedOfficeMinutes: 390,
      deadline: '2026-03-10T17:30:00+08:00',
    });

    // T7: the approver of the department extends by 3 working days before the deadline.
    const extended = await expectOk(
      api,
      'POST',
      `/cases/${caseId}/extension`,
      { days: 3, reason: '需组织专家评审', applicantNotifiedAt: '2026-03-04T09:00:00+08:00', channel: 'sms' },
      t.approver,
    );
    expect((extended.events as { data: Record<string, unknown> }[])[0]!.data).toMatchObject({
      deadline: '2026-03-13T17:30:00+08:00',
      previousDeadline: '2026-03-10T17:30:00+08:00',
    });

    await api.setClock('2026-03-05T15:00:00+08:00');
    const completed = await approve(api, caseId, 'JD-2026-0001', t.window);
    expect((completed.events as { data: Record<string, unknown> }[])[0]!.data).toMatchObject({
      onTime: true,
      overdueMinutes: 0,
    });
    // T12: the approval's licence is delivered, which closes the case.
    await expectOk(api, 'POST', `/cases/${caseId}/delivery`, { channel: 'window_pickup' }, t.window);

    // P1–P4 after completion: a complaint concluded, a bad review rectified.
    const complaintId = await fileComplaint(api, t, caseId, {
      channel: '12345热线',
      subject: { kind: 'window', id: 'win-3' },
      content: '窗口人员态度生硬。',
    });
    await concludeComplaint(
      api,
      t,
      complaintId,
      { substantiated: true, reply: '经核实情况属实，已批评教育。' },
      caseId,
    );
    await expectOk(api, 'POST', `/cases/${caseId}/evaluations`, { score: 2, comment: '等待时间长' }, t.guide);
    await rectify(api, t, caseId, '已回访申请人并整改。');

    // A3: an accountability action against the substantiated complaint (P3).
    const events = await api.store.readStream(`case-${caseId}`);
    const violations = detectViolations(events.map(toCaseEvent));
    const substantiated = violations.find((v) => v.code === 'COMPLAINT_SUBSTANTIATED')!;
    expect(substantiated).toBeDefined();
    const action = await expectOk(
      api,
      'POST',
      `/cases/${caseId}/accountability-actions`,
      { violationId: substantiated.violationId, action: 'criticism', note: '对窗口人员批评教育' },
      t.supervisor,
    );
    expect((action.events as { type: string }[])[0]!.type).toBe('AccountabilityActionRecorded');

    // Queries from the event store.
    const all = await api.request('GET', `/cases/${caseId}/events`, undefined, { token: t.auditor });
    expect(all.status).toBe(200);
    const items = all.body.items as { type: string; revision: number; correlationId: string }[];
    expect(items.map((e) => e.revision)).toEqual(items.map((_, i) => i));
    expect(items.map((e) => e.type)).toEqual([
      'InquiryRegistered',
      'InquiryReferred',
      'ApplicationReceived',
      'SupplementRequested',
      'SupplementReceived',
      'ApplicationAccepted',
      'CaseSuspended',
      'CaseResumed',
      'ExtensionGranted',
      'CaseCompleted',
      'DecisionDelivered',
      'ComplaintFiled',
      'ComplaintConcluded',
      'EvaluationSubmitted',
      'EvaluationRectified',
      'AccountabilityActionRecorded',
    ]);
    expect(items[1]!.correlationId).toBe('corr-lifecycle-1');

    // I1: the applicant's identifiers as stored for the auditor, masked for a supervisor.
    type Inquiry = { data: { applicant: Record<string, string> } };
    expect(all.body.personalDataMasked).toBe(false);
    expect((all.body.items as Inquiry[])[0]!.data.applicant).toEqual(INQUIRY.applicant);
    const bySupervisor = await api.request('GET', `/cases/${caseId}/events`, undefined, {
      token: t.supervisor,
    });
    expect(bySupervisor.body.personalDataMasked).toBe(true);
    expect((bySupervisor.body.items as Inquiry[])[0]!.data.applicant).toEqual({
      kind: 'person',
      name: '张*',
      idNumber: '110************234',
      phone: '1********00',
    });
    expect(JSON.stringify(bySupervisor.body)).not.toContain(INQUIRY.applicant.idNumber);
    expect(JSON.stringify(bySupervisor.body)).not.toContain(INQUIRY.applicant.phone);

    // API.md "Lists": pages of `limit`, followed by cursor, the same events in the same order.
    const firstPosition = (all.body.items as { position: string }[])[0]!.position;
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=4&minPosition=${firstPosition}${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await api.request('GET', `/cases/${caseId}/events?${query}`, undefined, {
        token: t.supervisor,
      });
      expect(page.status).toBe(200);
      expect((page.body.items as unknown[]).length).toBeLessThanOrEqual(4);
      paged.push(...(page.body.items as { eventId: string }[]).map((e) => e.eventId));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(paged).toEqual((all.body.items as { eventId: string }[]).map((e) => e.eventId));
    for (const bad of ['limit=0', 'limit=501', 'cursor=abc', 'minPosition=yesterday'])
      expect(
        (await api.request('GET', `/cases/${caseId}/events?${bad}`, undefined, { token: t.auditor })).status,
      ).toBe(400);

    const integrity = await api.request('GET', `/cases/${caseId}/integrity`, undefined, { token: t.auditor });
    expect(integrity.body).toEqual({ ok: true, checked: items.length });

    // U4: as it stood while suspended.
    const past = await api.request(
      'GET',
      `/cases/${caseId}/state?asOf=${encodeURIComponent('2026-03-03T12:00:00+08:00')}`,
      undefined,
      {
        token: t.supervisor,
      },
    );
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({
      status: 'suspended',
      suspendedNow: true,
      extended: false,
      deadline: '2026-03-09T17:30:00+08:00',
      revision: 6,
    });
    expect(past.body.applicant).toEqual({
      kind: 'person',
      name: '张*',
      idNumber: '110************234',
      phone: '1********00',
    });

    // I1: the auditor sees the applicant unmasked.
    const now = await api.request('GET', `/cases/${caseId}`, undefined, { token: t.auditor });
    expect(now.headers.get('etag')).toBe(`"${items.length - 1}"`);
    expect(now.body).toMatchObject({
      status: 'completed',
      extended: true,
      matterCode: 'M-001',
      departmentId: 'dept-market',
      firstResponderId: 'u-guide',
    });
    expect((now.body.applicant as { idNumber: string }).idNumber).toBe('110101199003071234');
    expect(now.body.flags).toContain('COMPLAINT_SUBSTANTIATED');
    expect(caseStateOf(events).status).toBe('completed');
  });
});
