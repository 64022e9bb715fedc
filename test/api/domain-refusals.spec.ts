/**
 * Every refusal of DOMAIN.md reachable over HTTP surfaces as problem+json with its rule code, a
 * Chinese title and an English detail, and records nothing: the stream's revision is unchanged.
 */
import { detectViolations } from '#domain/accountability/detect-violations.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { startApi, STORE_KINDS, type TestApi } from './support/api-harness.js';
import {
  caseAt,
  type CaseStage,
  expectOk,
  INQUIRY,
  PROMISED_MATTER,
  type Tokens,
} from './support/case-fixtures.js';
import { concludeComplaint, explainCard, fileComplaint, rectify, revokeCard } from './support/case-steps.js';
import { useTestApi } from './support/test-api-stand.js';

import { runSupervision } from './support/supervision-stand-in.js';

interface Attempt {
  readonly method?: string;
  readonly path: string;
  readonly body: unknown;
  readonly token: string;
  /** The stream that must not change; default the case of the path. */
  readonly stream?: string;
}

interface FreshCase {
  readonly matter?: string;
  readonly registeredBy?: keyof Tokens;
}

type Refusal = readonly [code: string, status: number, setup: () => Promise<Attempt>];

describe.each(STORE_KINDS)('domain refusals over HTTP (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  useTestApi({ open: () => startApi(kind) }, (stand) => ({ api, t } = stand));

  const post = (path: string, body: unknown, token: string): Attempt => ({ path, body, token });
  const streamOf = (a: Attempt): string => a.stream ?? `case-${a.path.split('/')[2]}`;
  /** A fresh case at `stage`, of `matter` (default M-001), registered by `registeredBy` (default the window). */
  const freshCaseAt = (stage: CaseStage, { matter, registeredBy }: FreshCase = {}): Promise<string> =>
    caseAt(api, t, stage, {
      ...(matter !== undefined && { matter }),
      ...(registeredBy !== undefined && { registeredBy: t[registeredBy] }),
    });
  /** The attempt of most refusals: POST /cases/{id}/{action} by `role` on a fresh case at `stage`. */
  const onCaseAt =
    (stage: CaseStage, action: string, role: keyof Tokens, body: unknown, fresh?: FreshCase) =>
    async (): Promise<Attempt> =>
      post(`/cases/${await freshCaseAt(stage, fresh)}/${action}`, body, t[role]);
  /** The same command a second time: the first one, on a fresh case at `stage`, succeeds. */
  const againOnCaseAt =
    (stage: CaseStage, action: string, role: keyof Tokens, body: unknown, fresh?: FreshCase) =>
    async (): Promise<Attempt> => {
      const id = await freshCaseAt(stage, fresh);
      await expectOk(api, 'POST', `/cases/${id}/${action}`, body, t[role]);
      return post(`/cases/${id}/${action}`, body, t[role]);
    };

  /** The supervisor's rectification of a completed case's evaluation (`score`, by the guide), after `before`. */
  const rectificationAfterEvaluation =
    (score: number, action: string, before?: (id: string) => Promise<unknown>) =>
    async (): Promise<Attempt> => {
      const id = await freshCaseAt('completed');
      await expectOk(api, 'POST', `/cases/${id}/evaluations`, { score }, t.guide);
      await before?.(id);
      return post(`/cases/${id}/evaluations/1/rectification`, { valid: true, action }, t.supervisor);
    };

  /** An immediate case with a card of `level` issued by supervision (moves the clock forward). */
  const withCard = async (level: 'warning' | 'yellow'): Promise<{ id: string; cardId: string }> => {
    const id = await caseAt(api, t, 'accepted', { matter: 'M-002' });
    api.clock.set(api.clock.now() + (level === 'warning' ? 21 : 31) * 60_000);
    await runSupervision(api, id);
    const view = await api.request('GET', `/cases/${id}`, undefined, { token: t.supervisor });
    const card = (view.body.cards as { cardId: string; level: string }[]).find((c) => c.level === level)!;
    return { id, cardId: card.cardId };
  };

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
      'P1_COMPLAINT_INCOMPLETE',
      422,
      onCaseAt('inquiry', 'complaints', 'guide', { channel: '现场', subject: { kind: 'case' } }),
    ],
    [
      'P2_COMPLAINT_NOT_FOUND',
      404,
      onCaseAt('inquiry', 'complaints/nope/conclusion', 'supervisor', {
        substantiated: false,
        reply: '不属实',
      }),
    ],
    [
      'P2_COMPLAINT_ALREADY_CONCLUDED',
      422,
      async () => {
        const id = await caseAt(api, t, 'inquiry');
        const complaint = { channel: '现场', subject: { kind: 'case' }, content: '排队太久' };
        const complaintId = await fileComplaint(api, t, id, complaint);
        await concludeComplaint(api, t, complaintId, { substantiated: false, reply: '不属实' }, id);
        return post(
          `/cases/${id}/complaints/${complaintId}/conclusion`,
          { substantiated: true, reply: '属实' },
          t.supervisor,
        );
      },
    ],
    ['P4_SCORE_OUT_OF_RANGE', 422, onCaseAt('completed', 'evaluations', 'guide', { score: 6 })],
    [
      'P4_EVALUATION_NOT_FOUND',
      404,
      onCaseAt('completed', 'evaluations/9/rectification', 'supervisor', { valid: true, action: '整改' }),
    ],
    ['P4_RECTIFICATION_NOT_NEEDED', 422, rectificationAfterEvaluation(5, '整改')],
    [
      'P4_ALREADY_RECTIFIED',
      422,
      rectificationAfterEvaluation(1, '再次整改', (id) => rectify(api, t, id, '整改')),
    ],
    [
      'A3_VIOLATION_NOT_FOUND',
      404,
      onCaseAt('completed', 'accountability-actions', 'supervisor', {
        violationId: 'nope',
        action: 'reminder',
        note: '提醒',
      }),
    ],
    [
      'A3_ACTION_INCOMPLETE',
      422,
      async () => {
        const id = await caseAt(api, t, 'inquiry');
        const complaint = { channel: '现场', subject: { kind: 'staff', id: 'u-window' }, content: '态度差' };
        const complaintId = await fileComplaint(api, t, id, complaint);
        await concludeComplaint(api, t, complaintId, { substantiated: true, reply: '属实' }, id);

        const violations = detectViolations((await api.store.readStream(`case-${id}`)).map(toCaseEvent));
        return post(
          `/cases/${id}/accountability-actions`,
          { violationId: violations[0]!.violationId, action: 'reminder', note: ' ' },
          t.supervisor,
        );
      },
    ],
    [
      'C4_CARD_NOT_FOUND',
      404,
      onCaseAt('accepted', 'cards/yellow-000/explanation', 'window', { text: '说明' }),
    ],
    [
      'C5_EXPLANATION_NOT_NEEDED',
      422,
      async () => {
        const { id, cardId } = await withCard('warning');
        return post(`/cases/${id}/cards/${cardId}/explanation`, { text: '说明' }, t.window);
      },
    ],
    [
      'C5_EXPLANATION_ALREADY_GIVEN',
      422,
      async () => {
        const { id, cardId } = await withCard('yellow');
        await explainCard(api, id, cardId, '说明', t.window);

        return post(`/cases/${id}/cards/${cardId}/explanation`, { text: '再说明' }, t.approver);
      },
    ],
    [
      'C4_REVOCATION_REASON_REQUIRED',
      422,
      async () => {
        const { id, cardId } = await withCard('yellow');
        return post(`/cases/${id}/cards/${cardId}/revocation`, {}, t.supervisor);
      },
    ],
    [
      'C4_CARD_ALREADY_REVOKED',
      422,
      async () => {
        const { id, cardId } = await withCard('yellow');
        await revokeCard(api, t, id, cardId, '误亮牌');
        return post(`/cases/${id}/cards/${cardId}/revocation`, { reason: '再次撤销' }, t.supervisor);
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
    [
      'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY',
      422,
      async () => ({
        method: 'PUT',
        path: '/admin/matters/M-100',
        body: { ...PROMISED_MATTER, promisedLimitDays: 25 },
        token: t.admin,
        stream: 'catalog-M-100',
      }),
    ],
    [
      'T5_LIMIT_INVALID',
      422,
      async () => ({
        method: 'PUT',
        path: '/admin/matters/M-101',
        body: { ...PROMISED_MATTER, maxExtensionDays: 30 },
        token: t.admin,
        stream: 'catalog-M-101',
      }),
    ],
    [
      'T2_WORKDAY_NOT_WEEKEND',
      422,
      async () => ({
        method: 'PUT',
        path: '/admin/calendar/2028',
        body: { notice: '2028年通知', holidays: ['2028-01-01'], workdays: ['2028-02-09'] },
        token: t.admin,
        stream: 'calendar-2028',
      }),
    ],
    [
      'T2_DATE_INVALID',
      400,
      async () => ({
        method: 'PUT',
        path: '/admin/calendar/2028',
        body: { notice: '2028年通知', holidays: ['2028-02-30'], workdays: [] },
        token: t.admin,
        stream: 'calendar-2028',
      }),
    ],
    [
      'T1_OFFICE_PERIODS_OVERLAP',
      422,
      async () => ({
        method: 'PUT',
        path: '/admin/centers/center-9',
        body: {
          name: '某镇分中心',
          officeHours: [
            { start: '08:30', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
        token: t.admin,
        stream: 'center-center-9',
      }),
    ],
    [
      'C7_POLICY_VERSION_EXISTS',
      409,
      async () => {
        const current = await api.request('GET', '/admin/policy/timeliness', undefined, { token: t.admin });
        return {
          method: 'PUT',
          path: '/admin/policy/timeliness',
          body: current.body,
          token: t.admin,
          stream: 'policy-timeliness',
        };
      },
    ],
    [
      'ROLE_NOT_ALLOWED',
      403,
      async () => ({
        method: 'PUT',
        path: '/admin/matters/M-102',
        body: PROMISED_MATTER,
        token: t.supervisor,
        stream: 'catalog-M-102',
      }),
    ],
  ];

  it.each(refusals)('%s (%d) is refused with its code and records nothing', async (code, status, setup) => {
    const attempt = await setup();
    const stream = streamOf(attempt);
    const before = await api.store.streamRevision(stream);
    const res = await api.request(attempt.method ?? 'POST', attempt.path, attempt.body, {
      token: attempt.token,
    });
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.title).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.detail).toMatch(/^[\x20-\x7e\u2018-\u201d\u4e00-\u9fff（）\u2013…]+$/);
    expect(res.body.type).toBe(`/problems/${code}`);
    expect(res.body.status).toBe(status);
    expect(await api.store.streamRevision(stream)).toBe(before);
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

  it('a matter whose department is empty or no id, or that names a material code twice, is 400 naming the field; nothing recorded', async () => {
    const stream = 'catalog-M-102';
    const cases: [Record<string, unknown>, string][] = [
      [{ departmentId: '' }, 'departmentId'],
      [{ departmentId: '王' }, 'departmentId'],
      [
        {
          requiredMaterials: [
            { code: 'a', name: 'a' },
            { code: 'a', name: 'b' },
          ],
        },
        'requiredMaterials',
      ],
      [{ requiredMaterials: [{ code: '', name: 'c' }] }, 'requiredMaterials[0].code'],
    ];
    for (const [change, field] of cases) {
      const res = await api.request(
        'PUT',
        '/admin/matters/M-102',
        { ...PROMISED_MATTER, ...change },
        {
          token: t.admin,
        },
      );
      expect({ change, status: res.status, code: res.body.code }).toEqual({
        change,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    expect(await api.store.streamRevision(stream)).toBe(-1);
  });
});
