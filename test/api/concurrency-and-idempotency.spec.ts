/**
 * API.md "Conventions": racing writers (one wins, the others 409), If-Match (412 when the case has
 * moved on) and Idempotency-Key (a retry records nothing and answers 200 with the first answer).
 */
import { catalogStreamId } from '#domain/catalog/define-matter.js';
import { notificationSubscriptionStreamId } from '#domain/notification/subscription.js';
import { startApi, STORE_KINDS, type RequestOptions, type TestApi } from './support/api-harness.js';
import { caseAt, INQUIRY, PROMISED_MATTER, type Tokens } from './support/case-fixtures.js';
import { useTestApi } from './support/test-api-stand.js';

describe.each(STORE_KINDS)('concurrency and idempotency (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  useTestApi({ open: () => startApi(kind) }, (stand) => ({ api, t } = stand));

  const completions = async (caseId: string): Promise<number> =>
    (await api.store.readStream(`case-${caseId}`)).filter((e) => e.type === 'CaseCompleted').length;

  /** POST /cases/{caseId}/{action}, by the window clerk unless `options` names another token. */
  const command = (caseId: string, action: string, body: unknown, options: RequestOptions = {}) =>
    api.request('POST', `/cases/${caseId}/${action}`, body, { token: t.window, ...options });

  /** `count` approvals of the case sent at once by the window clerk (decision numbers JD-0, JD-1 …). */
  const racingApprovals = (caseId: string, count: number, headers: Record<string, string> = {}) =>
    Promise.all(
      Array.from({ length: count }, (_, i) =>
        command(caseId, 'completion', { outcome: 'approved', decisionNo: `JD-${i}` }, { headers }),
      ),
    );

  it('20 racing completions record exactly one; the others are refused with 409', async () => {
    const caseId = await caseAt(api, t, 'accepted');
    const answers = await racingApprovals(caseId, 20);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect(a.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(['CONCURRENT_MODIFICATION', 'ILLEGAL_TRANSITION']).toContain(a.body.code);
    }
    expect(await completions(caseId)).toBe(1);
  });

  it('If-Match: the current revision proceeds, a stale one answers 412 and records nothing', async () => {
    const caseId = await caseAt(api, t, 'received');
    const acceptIfMatch = (etag: string) =>
      command(caseId, 'acceptance', { receiptNo: 'SL-1' }, { headers: { 'If-Match': etag } });
    const stale = await acceptIfMatch('"0"');
    expect(stale.status).toBe(412);
    expect(stale.body.code).toBe('PRECONDITION_FAILED');
    expect(await api.store.streamRevision(`case-${caseId}`)).toBe(1);
    const fresh = await acceptIfMatch('"1"');
    expect(fresh.status).toBe(201);
    expect(fresh.headers.get('etag')).toBe('"2"');
    const bad = await command(
      caseId,
      'withdrawal',
      { reason: '撤回' },
      { headers: { 'If-Match': 'yesterday' } },
    );
    expect(bad.status).toBe(400);
    // A weak ETag never matches (RFC 9110 strong comparison), even of the current revision.
    const weak = await command(
      caseId,
      'withdrawal',
      { reason: '撤回' },
      { headers: { 'If-Match': 'W/"2"' } },
    );
    expect({ status: weak.status, code: weak.body.code }).toEqual({
      status: 412,
      code: 'PRECONDITION_FAILED',
    });
    expect(await api.store.streamRevision(`case-${caseId}`)).toBe(2);
  });

  it('racing conditional writers: one wins, the others 412', async () => {
    const caseId = await caseAt(api, t, 'accepted');
    const answers = await racingApprovals(caseId, 5, { 'If-Match': '"2"' });

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 412)).toHaveLength(4);
    expect(await completions(caseId)).toBe(1);
  });

  it('a retried command with the same Idempotency-Key records nothing and answers 200 with the first answer', async () => {
    const caseId = await caseAt(api, t, 'accepted');
    const headers = { 'Idempotency-Key': 'complete-once-0001' };
    const complete = () =>
      command(caseId, 'completion', { outcome: 'approved', decisionNo: 'JD-1' }, { headers });
    const first = await complete();
    const again = await complete();
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await completions(caseId)).toBe(1);
    expect(await api.store.streamRevision(`case-${caseId}`)).toBe(3);
    // The same key for another command is another request, not a replay of the completion.
    const evaluation = await command(caseId, 'evaluations', { score: 4 }, { headers });
    expect(evaluation.status).toBe(201);
    expect((evaluation.body.events as { type: string }[])[0]!.type).toBe('EvaluationSubmitted');
  });

  it('finding 5 for administration PUTs: a keyed retry answers 200 with the first answer; the key with another body is 422 and records nothing', async () => {
    const subscription = {
      url: 'http://127.0.0.1:9/hook',
      secret: 'idem-secret-0123456789abcdef',
      centerId: 'center-1',
      kinds: ['yellow'],
    };
    const puts: [path: string, stream: string, body: object, changed: object][] = [
      [`/admin/matters/M-IDEM-${kind}`, catalogStreamId(`M-IDEM-${kind}`), PROMISED_MATTER, { name: '变更' }],
      [
        `/admin/notification-subscriptions/idem-${kind}`,
        notificationSubscriptionStreamId(`idem-${kind}`),
        subscription,
        { kinds: ['red'] },
      ],
    ];
    for (const [path, stream, body, changed] of puts) {
      const headers = { 'Idempotency-Key': `admin-idem-${path}` };
      const first = await api.request('PUT', path, body, { token: t.admin, headers });
      expect({ path, status: first.status }).toEqual({ path, status: 201 });
      const retry = await api.request('PUT', path, body, { token: t.admin, headers });
      expect({ path, status: retry.status, body: retry.body }).toEqual({
        path,
        status: 200,
        body: first.body,
      });
      const other = await api.request('PUT', path, { ...body, ...changed }, { token: t.admin, headers });
      expect({ path, status: other.status, code: other.body.code }).toEqual({
        path,
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(await api.store.streamRevision(stream)).toBe(0);
    }
  });

  it('a retried inquiry lands on the same case; racing twins of one key record it once', async () => {
    const headers = { 'Idempotency-Key': 'inquiry-twins-0001' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.request('POST', '/cases/inquiries', INQUIRY, { token: t.guide, headers }),
      ),
    );
    const caseIds = new Set(answers.map((a) => a.body.caseId));
    expect(caseIds.size).toBe(1);
    for (const a of answers) expect([200, 201]).toContain(a.status);
    const [caseId] = [...caseIds] as string[];
    expect(await api.store.streamRevision(`case-${caseId}`)).toBe(0);
    const eventIds = new Set(answers.map((a) => (a.body.events as { eventId: string }[])[0]!.eventId));
    expect(eventIds.size).toBe(1);
    // Another caller's identical key is theirs alone.
    const other = await api.request('POST', '/cases/inquiries', INQUIRY, { token: t.window, headers });
    expect(other.status).toBe(201);
    expect(other.body.caseId).not.toBe(caseId);
  });

  it('a refused keyed command records nothing, and its retry is decided afresh', async () => {
    const caseId = await caseAt(api, t, 'received');
    const headers = { 'Idempotency-Key': 'accept-retry-0001' };
    const refused = await command(caseId, 'acceptance', { receiptNo: ' ' }, { headers });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('N5_RECEIPT_NUMBER_REQUIRED');
    const retried = await command(caseId, 'acceptance', { receiptNo: 'SL-9' }, { headers });
    expect(retried.status).toBe(201);
  });

  it('two API processes on one store: each sees what the other recorded (no stale decision)', async () => {
    const second = await api.secondInstance();
    try {
      const caseId = await caseAt(api, t, 'accepted');
      // This process has the case in its cache; the other one completes it.
      const done = await fetch(`${second.url}/cases/${caseId}/completion`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.window}`, 'content-type': 'application/json' },
        body: JSON.stringify({ outcome: 'approved', decisionNo: 'JD-2' }),
      });
      expect(done.status).toBe(201);
      const withdrawn = await command(caseId, 'withdrawal', { reason: '撤回' });
      expect({ status: withdrawn.status, code: withdrawn.body.code }).toEqual({
        status: 409,
        code: 'ILLEGAL_TRANSITION',
      });
      const conditional = await command(
        caseId,
        'evaluations',
        { score: 5 },
        { token: t.guide, headers: { 'If-Match': '"3"' } },
      );
      expect(conditional.status).toBe(201);
      expect(await completions(caseId)).toBe(1);

      // Configuration recorded by the other process reaches this one (read every 50 ms in tests).
      const defined = await fetch(`${second.url}/admin/matters/M-003`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${t.admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ ...PROMISED_MATTER, name: '酒类经营许可' }),
      });
      expect(defined.status).toBe(201);
      const inquiry = await caseAt(api, t, 'inquiry');
      let applied = 0;
      for (let i = 0; i < 40 && applied !== 201; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 50));
        const res = await command(inquiry, 'application', {
          matterCode: 'M-003',
          materials: [{ code: 'id' }],
        });
        applied = res.status;
      }
      expect(applied).toBe(201);
    } finally {
      await second.close();
    }
  });
});
