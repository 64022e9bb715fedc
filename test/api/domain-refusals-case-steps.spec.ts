/**
 * The refusals of a case's steps over HTTP: the case, the transition, the role and scope, the
 * request's fields; first inquiry (F), one-time notification (N), suspensions and extensions (T6,
 * T7), late entries (U2). Each is problem+json with its rule code and records nothing
 * (support/domain-refusals.ts).
 */
import { STORE_KINDS, type TestApi } from './support/api-harness.js';
import { caseAt, expectOk, INQUIRY, type Tokens } from './support/case-fixtures.js';
import { expectRefused, post, type Refusal, useRefusalApi } from './support/domain-refusals.js';

describe.each(STORE_KINDS)('domain refusals over HTTP (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  const { onCaseAt, againOnCaseAt } = useRefusalApi(kind, (stand) => ({ api, t } = stand));

  const refusals: readonly Refusal[] = [
    [
      'CASE_NOT_FOUND',
      404,
      async () => post('/cases/no-such-case/acceptance', { receiptNo: 'SL-1' }, t.window),
    ],
    ['ILLEGAL_TRANSITION', 409, onCaseAt('inquiry', 'acceptance', 'window', { receiptNo: 'SL-1' })],
    ['ROLE_NOT_ALLOWED', 403, onCaseAt('received', 'acceptance', 'auditor', { receiptNo: 'SL-1' })],
    [
      'OUT_OF_SCOPE',
      403,
      // R1: a window receives applications for its own department's matters only; a case of
      // another department is not even found (scope-matrix.spec.ts).
      onCaseAt('inquiry', 'application', 'otherWindow', { matterCode: 'M-001', materials: [{ code: 'id' }] }),
    ],
    [
      'MATTER_NOT_FOUND',
      422,
      onCaseAt('inquiry', 'application', 'window', { matterCode: 'M-999', materials: [{ code: 'id' }] }),
    ],
    ['VALIDATION_FAILED', 400, onCaseAt('accepted', 'withdrawal', 'window', { reason: '  ' })],
    [
      'F1_NOT_FIRST_RESPONDER',
      403,
      onCaseAt('inquiry', 'answer', 'window', { answer: '请到3号窗口' }, { registeredBy: 'guide' }),
    ],
    [
      'F2_REFERRAL_WITHOUT_HANDLER',
      422,
      onCaseAt(
        'inquiry',
        'referral',
        'guide',
        { toDepartmentId: 'dept-market', handlerName: '王芳' },
        { registeredBy: 'guide' },
      ),
    ],
    [
      'F2_REFERRAL_ALREADY_MADE',
      422,
      againOnCaseAt(
        'inquiry',
        'referral',
        'guide',
        { toDepartmentId: 'dept-market', handlerName: '王芳', handlerPhone: '0571-88001234' },
        { registeredBy: 'guide' },
      ),
    ],
    [
      'N1_NOTICE_WITHOUT_ITEMS',
      422,
      onCaseAt('received', 'supplement-notices', 'window', { noticeNo: 'BZ-1', items: [] }),
    ],
    [
      'N3_REPEATED_NOTICE',
      422,
      async () => {
        const id = await caseAt(api, t, 'awaitingSupplement');
        await expectOk(api, 'POST', `/cases/${id}/supplement`, { materials: [{ code: 'lease' }] }, t.window);
        return post(
          `/cases/${id}/supplement-notices`,
          { noticeNo: 'BZ-2', items: [{ code: 'id', name: '身份证', problem: 'nonconforming' }] },
          t.window,
        );
      },
    ],
    [
      'N4_REJECTION_WITHOUT_REASON',
      422,
      onCaseAt('received', 'rejection', 'window', { noticeNo: 'BSL-1', reasons: [' '] }),
    ],
    [
      'N4_COMPETENT_AUTHORITY_REQUIRED',
      422,
      onCaseAt('received', 'rejection', 'window', {
        noticeNo: 'BSL-1',
        reasons: ['不属于本机关职权'],
        outsideCompetence: true,
      }),
    ],
    ['N5_RECEIPT_NUMBER_REQUIRED', 422, onCaseAt('received', 'acceptance', 'window', {})],
    [
      'T6_SUSPENSION_INCOMPLETE',
      422,
      onCaseAt('accepted', 'suspensions', 'window', {
        type: 'hearing',
        applicantNotifiedAt: '2026-03-02T09:00:00+08:00',
      }),
    ],
    ['T6_SUSPENSION_NOT_FOUND', 422, onCaseAt('suspended', 'suspensions/2/resumption', 'window', {})],
    [
      'T7_NOT_EXTENDABLE',
      422,
      onCaseAt(
        'accepted',
        'extension',
        'approver',
        { days: 1, reason: '复杂', applicantNotifiedAt: '2026-03-02T09:00:00+08:00', channel: 'sms' },
        { matter: 'M-002' },
      ),
    ],
    [
      'T7_EXTENSION_TOO_LONG',
      422,
      onCaseAt('accepted', 'extension', 'approver', {
        days: 11,
        reason: '复杂',
        applicantNotifiedAt: '2026-03-02T09:00:00+08:00',
        channel: 'sms',
      }),
    ],
    [
      'T7_EXTENSION_INCOMPLETE',
      422,
      onCaseAt('accepted', 'extension', 'approver', {
        days: 2,
        applicantNotifiedAt: '2026-03-02T09:00:00+08:00',
        channel: 'sms',
      }),
    ],
    [
      'T7_SECOND_EXTENSION',
      422,
      againOnCaseAt('accepted', 'extension', 'approver', {
        days: 2,
        reason: '需专家评审',
        applicantNotifiedAt: '2026-03-02T09:00:00+08:00',
        channel: 'written',
      }),
    ],
    [
      'U2_LATE_ENTRY_REASON_REQUIRED',
      422,
      async () =>
        post(
          `/cases/${await caseAt(api, t, 'received')}/acceptance`,
          { receiptNo: 'SL-1', occurredAt: new Date(api.clock.now() - 3_600_000).toISOString() },
          t.window,
        ),
    ],
    [
      'U2_OCCURRED_IN_FUTURE',
      422,
      async () =>
        post(
          `/cases/${await caseAt(api, t, 'received')}/acceptance`,
          { receiptNo: 'SL-1', occurredAt: new Date(api.clock.now() + 3_600_000).toISOString() },
          t.window,
        ),
    ],
    [
      'U2_OCCURRED_BEFORE_PREVIOUS_STEP',
      422,
      async () => {
        const id = await caseAt(api, t, 'received');
        return post(
          `/cases/${id}/acceptance`,
          { receiptNo: 'SL-1', occurredAt: '2020-01-01T09:00:00+08:00', lateEntryReason: '补录' },
          t.window,
        );
      },
    ],
    [
      'T7_EXTENSION_AFTER_DEADLINE',
      422,
      async () => {
        const id = await caseAt(api, t, 'accepted');
        api.clock.set(api.clock.now() + 30 * 86_400_000);
        return post(
          `/cases/${id}/extension`,
          { days: 2, reason: '复杂', applicantNotifiedAt: '2026-03-02T09:00:00+08:00', channel: 'sms' },
          t.approver,
        );
      },
    ],
  ];

  it.each(refusals)('%s (%d) is refused with its code and records nothing', async (code, status, setup) => {
    await expectRefused(api, code, status, await setup());
  });

  it('an inquiry with an unknown field, a wrong type or a missing applicant is 400 VALIDATION_FAILED with field errors', async () => {
    const res = await api.request(
      'POST',
      '/cases/inquiries',
      { ...INQUIRY, applicant: undefined, channel: 7, extra: true },
      { token: t.guide },
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['extra', 'channel', 'applicant']));
  });
});
