/**
 * Issue 11: the findings of the attack on the running API, each reproduced over HTTP against the
 * real API on PGlite. Token rules (finding 9) are in token-rules.spec.ts; views (finding 3) and a read store that goes down (10) are in
 * test/supervision/view-scope.spec.ts; FerretDB's lifetime (11) in test/system; every route × role
 * × scope in scope-matrix.spec.ts; hostile input in hostile-input-fuzz.spec.ts.
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { START, type NewEvent, type Position } from '#infra/event-store/event-store.port.js';
import { startApi, TEST_SECRET, tokenFor, type TestApi } from './support/api-harness.js';
import { capturedLog } from './support/captured-log.js';
import { caseAt, expectOk, INQUIRY, PROMISED_MATTER, type Tokens } from './support/case-fixtures.js';
import { useTestApi } from './support/test-api-stand.js';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';

describe('security findings over HTTP (issue 11, PGlite)', () => {
  let api: TestApi;
  let t: Tokens;
  const log = capturedLog();
  let position: Position = START;

  /** The events recorded since the last call. */
  const recordedSince = async (): Promise<number> => {
    let count = 0;
    for (;;) {
      const page = await api.store.readAll(position, { batchSize: 1000 });
      position = page.nextPosition;
      count += page.events.length;
      if (page.caughtUp) return count;
    }
  };

  useTestApi(
    { open: () => startApi('pglite', undefined, { log: log.stream, logLevel: 'info' }) },
    (stand) => ({ api, t } = stand),
  );

  it('R1 a proxy cannot withdraw a case it did not submit, nor complain about or evaluate it (finding 1)', async () => {
    const accepted = await caseAt(api, t, 'accepted');
    await recordedSince();
    const attempts: [string, unknown][] = [
      [`/cases/${accepted}/withdrawal`, { reason: '申请人撤回' }],
      [`/cases/${accepted}/complaints`, { channel: '现场', subject: { kind: 'case' }, content: '投诉' }],
      [`/cases/${accepted}/evaluations`, { score: 1 }],
    ];
    for (const [path, body] of attempts) {
      const res = await api.request('POST', path, body, { token: t.proxy });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code: 'CASE_NOT_FOUND',
      });
    }
    expect(await recordedSince()).toBe(0);
  });

  it('finding 2 (I1): NUL and unpaired surrogates in a text field are 400 naming the field, and the log holds no ID number or phone', async () => {
    const applicant = { kind: 'person', name: '张\u0000三', idNumber: ID_NUMBER, phone: PHONE };
    const nul = await api.request('POST', '/cases/inquiries', { ...INQUIRY, applicant }, { token: t.window });
    expect(nul.status).toBe(400);
    expect(nul.body.errors).toEqual([{ field: 'applicant.name', message: expect.stringMatching(/NUL/) }]);
    for (const question of ['\ud800', 'a\udc00b', '问\udbff']) {
      const res = await api.request(
        'POST',
        '/cases/inquiries',
        { ...INQUIRY, applicant: { ...applicant, name: '张三' }, question },
        { token: t.window },
      );
      expect({ status: res.status, field: (res.body.errors as { field: string }[])[0]?.field }).toEqual({
        status: 400,
        field: 'question',
      });
    }
    expect(await recordedSince()).toBe(0);
    expect(log.text()).not.toContain(ID_NUMBER);
    expect(log.text()).not.toContain(PHONE);
  });

  it('R1 a token lacking the claim its role needs is 401 with a clear message (finding 4)', async () => {
    const received = await caseAt(api, t, 'received');
    const lacking: [string, Promise<string>][] = [
      [
        'centerId',
        new SignJWT({ name: '督查', role: 'supervisor' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u-s')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(TEST_SECRET)),
      ],
      [
        'departmentId',
        new SignJWT({ name: '窗口', role: 'window', centerId: 'center-1' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u-w')
          .setIssuedAt()
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(TEST_SECRET)),
      ],
    ];
    for (const [claim, token] of lacking) {
      for (const [method, path, body] of [
        ['GET', `/cases/${received}`, undefined],
        ['POST', `/cases/${received}/acceptance`, { receiptNo: 'SL-9' }],
      ] as const) {
        const res = await api.request(method, path, body, { token: await token });
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
        expect(res.body.detail).toMatch(new RegExp(`${claim}.*R1`));
      }
    }
  });

  it('finding 5: an Idempotency-Key is authorized before replay; reused with another body or by another caller it is 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const headers = { 'Idempotency-Key': 'security-idem-0001' };
    const body = {
      ...INQUIRY,
      applicant: { kind: 'person', name: '李四', idNumber: ID_NUMBER, phone: PHONE },
    };
    const first = await api.request('POST', '/cases/inquiries', body, { token: t.window, headers });
    expect(first.status).toBe(201);
    const retry = await api.request('POST', '/cases/inquiries', body, { token: t.window, headers });
    expect(retry.status).toBe(200);
    await recordedSince();
    const otherBody = await api.request(
      'POST',
      '/cases/inquiries',
      { ...body, question: '另一个问题' },
      { token: t.window, headers },
    );
    expect({ status: otherBody.status, code: otherBody.body.code }).toEqual({
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    // The same subject as a guide, and as the window of another center (registering there).
    for (const [token, centerId] of [
      [await tokenFor('guide', { sub: 'u-window' }), 'center-1'],
      [await tokenFor('window', { centerId: 'center-2' }), 'center-2'],
    ] as const) {
      const res = await api.request('POST', '/cases/inquiries', { ...body, centerId }, { token, headers });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
      });
      expect(JSON.stringify(res.body)).not.toContain(ID_NUMBER);
    }
    // A keyed acceptance retried by a window of another department: refused before any replay.
    const received = await caseAt(api, t, 'received', { registeredBy: t.guide });
    const accept = { 'Idempotency-Key': 'security-accept-0001' };
    await expectOk(api, 'POST', `/cases/${received}/acceptance`, { receiptNo: 'SL-7' }, t.window, accept);
    const otherDept = await tokenFor('window', { departmentId: 'dept-tax', windowId: 'win-9' });
    await recordedSince();
    const replay = await api.request(
      'POST',
      `/cases/${received}/acceptance`,
      { receiptNo: 'SL-7' },
      {
        token: otherDept,
        headers: accept,
      },
    );
    expect({ status: replay.status, code: replay.body.code }).toEqual({
      status: 404,
      code: 'CASE_NOT_FOUND',
    });
    expect(await recordedSince()).toBe(0);
  });

  it('I1 a short ID number and a 7-digit phone are masked to at most a third of their characters (finding 6)', async () => {
    const created = await expectOk(
      api,
      'POST',
      '/cases/inquiries',
      { ...INQUIRY, applicant: { kind: 'person', name: '王五', idNumber: 'A123456', phone: '8812345' } },
      t.window,
    );
    const view = await api.request('GET', `/cases/${created.caseId as string}`, undefined, {
      token: t.window,
    });
    expect(view.status).toBe(200);
    expect(view.body.applicant).toMatchObject({ idNumber: 'A*****6', phone: '8*****5' });
  });

  it('T14 limits past 365 days and instants outside 2000–2099 are refused on the way in, the manual clock included (finding 7)', async () => {
    const matter = await api.request(
      'PUT',
      '/admin/matters/M-HUGE',
      { ...PROMISED_MATTER, statutoryLimitDays: 2800000, promisedLimitDays: 2800000 },
      { token: t.admin },
    );
    expect({ status: matter.status, code: matter.body.code }).toEqual({
      status: 422,
      code: 'T14_OUT_OF_BOUNDS',
    });
    for (const now of ['9999-12-31T23:59:59+08:00', '2100-01-01T00:00:00+08:00']) {
      const clock = await api.request('POST', '/admin/clock', { now }, { token: t.admin });
      expect({ now, status: clock.status, code: clock.body.code }).toEqual({
        now,
        status: 422,
        code: 'T14_OUT_OF_BOUNDS',
      });
    }
    const accepted = await caseAt(api, t, 'accepted');
    await recordedSince();
    const old = await api.request(
      'POST',
      `/cases/${accepted}/suspensions`,
      { type: 'hearing', reason: '听证', expectedDays: 10, applicantNotifiedAt: '0001-01-01T00:00:00+08:00' },
      { token: t.window },
    );
    expect({ status: old.status, code: old.body.code }).toEqual({ status: 422, code: 'T14_OUT_OF_BOUNDS' });
    expect(await recordedSince()).toBe(0);
  });

  it('T14 reading a stored event never throws on a value the system once wrote: a deadline in year 12759 reads back (finding 7)', async () => {
    const accepted = await caseAt(api, t, 'accepted');
    const events = await api.store.readStream(`case-${accepted}`);
    const caseId = randomUUID();
    const copies: NewEvent[] = events.map((e) => ({
      eventId: randomUUID(),
      type: e.type,
      schemaVersion: e.schemaVersion,
      occurredAt: e.occurredAt,
      actor: e.actor,
      correlationId: e.correlationId,
      causationId: null,
      data: JSON.parse(
        JSON.stringify(e.data)
          .replaceAll(accepted, caseId)
          .replace(/"deadline":"[^"]+"/g, '"deadline":"12759-06-30T17:30:00+08:00"'),
      ) as unknown,
    }));
    await api.store.append(`case-${caseId}`, copies, 'no_stream');
    for (const token of [t.window, t.auditor]) {
      const view = await api.request('GET', `/cases/${caseId}`, undefined, { token });
      expect(view.status).toBe(200);
      expect(JSON.stringify(view.body)).toContain('12759-06-30T17:30:00+08:00');
    }
    const auditorEvents = await api.request('GET', `/cases/${caseId}/events`, undefined, {
      token: t.auditor,
    });
    expect(auditorEvents.status).toBe(200);
  });

  it('finding 8: JSON nested deeper than 32 levels is 400 before validation, never a 500', async () => {
    const deep = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
    const res = await api.request('POST', '/cases/inquiries', undefined, { token: t.window, raw: deep });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const nested = {
      ...INQUIRY,
      applicant: { ...INQUIRY.applicant, name: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) },
    };
    const inField = await api.request('POST', '/cases/inquiries', nested, { token: t.window });
    expect(inField.status).toBe(400);
    expect(JSON.stringify(inField.body.errors)).toMatch(/32 levels/);
  });

  it('__proto__, constructor and prototype are unknown fields like any other: 400 naming them, nothing recorded', async () => {
    for (const [raw, field] of [
      [JSON.stringify({ ...INQUIRY, constructor: 'x' }), 'constructor'],
      [
        JSON.stringify({ ...INQUIRY, applicant: { ...INQUIRY.applicant, prototype: {} } }),
        'applicant.prototype',
      ],
      [JSON.stringify(INQUIRY).replace(/^\{/, '{"__proto__":{"polluted":true},'), '__proto__'],
    ] as const) {
      const res = await api.request('POST', '/cases/inquiries', undefined, { token: t.window, raw });
      expect({ status: res.status, errors: res.body.errors }).toEqual({
        status: 400,
        errors: [{ field, message: `${field} is not a field of this request (remove it)` }],
      });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('finding 13: a case outside the scope answers exactly as one that does not exist, and no 403 names a center or department', async () => {
    const received = await caseAt(api, t, 'received');
    const otherCenter = await tokenFor('supervisor', { sub: 'u-sup-2', centerId: 'center-2' });
    const missing = randomUUID();
    for (const [token, route] of [
      [otherCenter, ''],
      [otherCenter, '/events'],
      [t.otherWindow, ''],
      [t.proxy, ''],
    ] as const) {
      const hidden = await api.request('GET', `/cases/${received}${route}`, undefined, { token });
      const absent = await api.request('GET', `/cases/${missing}${route}`, undefined, { token });
      expect({ status: hidden.status, body: hidden.body }).toEqual({
        status: absent.status,
        body: absent.body,
      });
      expect(hidden.status).toBe(404);
    }
    const hiddenWrite = await api.request(
      'POST',
      `/cases/${received}/acceptance`,
      { receiptNo: 'SL-8' },
      { token: t.otherWindow },
    );
    const absentWrite = await api.request(
      'POST',
      `/cases/${missing}/acceptance`,
      { receiptNo: 'SL-8' },
      { token: t.otherWindow },
    );
    expect(hiddenWrite.body).toEqual(absentWrite.body);
    // Refusals that remain 403 name the caller's role, never the case's center or department.
    const refusals = await Promise.all([
      api.request('POST', `/cases/${received}/acceptance`, { receiptNo: 'SL-8' }, { token: t.auditor }),
      api.request('GET', `/cases/${received}/integrity`, undefined, { token: t.window }),
      api.request('GET', `/cases/${received}/events`, undefined, { token: t.guide }),
    ]);
    for (const res of refusals) {
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toMatch(/center-1|dept-market/);
    }
  });
});
