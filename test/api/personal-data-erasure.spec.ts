/**
 * I2 over HTTP: identifiers are stored encrypted under their case's data key (the store holds only
 * ciphertext, the chain covers it); POST /cases/{id}/personal-data-erasure destroys the key and
 * records the erasure; afterwards every route shows them erased, for auditors too, and the chain
 * and the seals still verify. A case recorded before I2 (plain identifiers) is erased the same way.
 * A complaint's complainant phone likewise, under the complaint's key (POST
 * /complaints/{complaintId}/personal-data-erasure).
 */
import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '#infra/event-store/postgres/postgres-event-store.js';
import { startApi, tokenFor, type TestApi } from './support/api-harness.js';
import { COMPLAINT, INQUIRY, type Tokens } from './support/case-fixtures.js';
import { expectErasureRefusals } from './support/erasure-refusals.js';
import { useTestApi } from './support/test-api-stand.js';

const ERASED = '[已删除]';
const { idNumber, phone } = INQUIRY.applicant;
const PHONE = COMPLAINT.complainant.phone;

describe('I2 erasable personal data over HTTP (PGlite)', () => {
  let api: TestApi;
  let t: Tokens;
  let caseId: string;

  useTestApi({ open: () => startApi('pglite'), configure: null }, (stand) => ({ api, t } = stand));
  beforeAll(async () => {
    const res = await api.request<{ caseId: string }>('POST', '/cases/inquiries', INQUIRY, {
      token: await tokenFor('guide'),
    });
    caseId = res.body.caseId;
  });

  const read = (path: string, token = t.auditor, headers?: Record<string, string>) =>
    api.request<unknown>('GET', path, undefined, { token, ...(headers && { headers }) });

  it('I2: the store holds the identifiers only as ciphertext; an auditor reads them decrypted', async () => {
    const [stored] = await api.store.readStream(`case-${caseId}`);
    const text = JSON.stringify(stored.data);
    expect(text).not.toContain(idNumber);
    expect(text).not.toContain(phone);
    expect((stored.data as { applicant: { idNumber: string } }).applicant.idNumber).toMatch(/^enc:v1:/);
    const events = await read(`/cases/${caseId}/events`);
    expect(JSON.stringify(events.body)).toContain(idNumber);
    const raw = api.store as PostgresEventStore;
    const keys = await raw.database.query<{ wrapped_key: string | null }>(
      'SELECT wrapped_key FROM es_data_keys WHERE stream_id = $1',
      [`case-${caseId}`],
    );
    expect(keys[0].wrapped_key).toMatch(/^enc:v1:/);
  });

  it('I2: only an admin erases, with a legal basis; an unknown case is 404; nothing recorded when refused', async () => {
    await expectErasureRefusals(api, `/cases/${caseId}/personal-data-erasure`, t.auditor);
    expect(
      (await api.request('POST', '/cases/no-such-case/personal-data-erasure', { legalBasis: 'x' })).status,
    ).toBe(404);
    expect((await api.store.readStream(`case-${caseId}`)).map((e) => e.type)).toEqual(['InquiryRegistered']);
  });

  it('I2: after erasure every route shows the identifiers erased, for auditors too; chain and seals verify', async () => {
    const erased = await api.request<{ events: { type: string; data: unknown }[] }>(
      'POST',
      `/cases/${caseId}/personal-data-erasure`,
      { legalBasis: '保存期限届满（个人信息保护法第四十七条）' },
    );
    expect(erased.status).toBe(201);
    expect(erased.body.events[0]).toMatchObject({
      type: 'PersonalDataErased',
      data: { legalBasis: '保存期限届满（个人信息保护法第四十七条）', plainIdentifiersInOldEvents: false },
    });
    const reads = [
      read(`/cases/${caseId}`),
      read(`/cases/${caseId}/events`),
      read(`/cases/${caseId}/events?format=csv`),
      read(`/cases/${caseId}/state?asOf=2026-03-02T10:00:00%2B08:00`),
      read(`/cases/${caseId}/dossier`),
      read(`/cases/${caseId}/dossier`, t.auditor, { accept: 'text/html' }),
      read(`/cases/${caseId}/events`, t.supervisor),
      read(`/cases/${caseId}`, t.supervisor),
    ];
    for (const res of await Promise.all(reads)) {
      expect(res.status).toBe(200);
      const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
      expect(text).not.toContain(idNumber);
      expect(text).not.toContain(phone);
      expect(text).not.toContain(idNumber.slice(-4)); // not even the masked tail
      expect(text).toContain(ERASED);
    }
    const raw = api.store as PostgresEventStore;
    const keys = await raw.database.query<{ wrapped_key: string | null; legal_basis: string }>(
      'SELECT wrapped_key, legal_basis FROM es_data_keys WHERE stream_id = $1',
      [`case-${caseId}`],
    );
    expect(keys).toEqual([{ wrapped_key: null, legal_basis: '保存期限届满（个人信息保护法第四十七条）' }]);

    expect((await read(`/cases/${caseId}/integrity`)).body).toEqual({ ok: true, checked: 2 });
    expect((await api.request('POST', '/audit/seals', undefined, { token: t.auditor })).status).toBe(201);
    expect((await read('/audit/seals/verification')).body).toMatchObject({ ok: true, problems: [] });

    const again = await api.request('POST', `/cases/${caseId}/personal-data-erasure`, { legalBasis: '再次' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'I2_ALREADY_ERASED' });
  });

  it('I2 follows the command conventions: a blank legal basis is 400 naming it, a keyed retry answers 200 with the first answer, two erasures racing record one event', async () => {
    const registerCase = async (): Promise<string> =>
      (
        await api.request<{ caseId: string }>('POST', '/cases/inquiries', INQUIRY, {
          token: await tokenFor('guide'),
        })
      ).body.caseId;
    const erasures = async (id: string): Promise<number> =>
      (await api.store.readStream(`case-${id}`)).filter((e) => e.type === 'PersonalDataErased').length;
    const keyed = await registerCase();
    const path = `/cases/${keyed}/personal-data-erasure`;
    const blank = await api.request('POST', path, { legalBasis: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ code: 'I2_LEGAL_BASIS_REQUIRED', errors: [{ field: 'legalBasis' }] });
    const headers = { 'Idempotency-Key': `erase-${keyed}` };
    const first = await api.request('POST', path, { legalBasis: '当事人依法请求删除' }, { headers });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    const retry = await api.request('POST', path, { legalBasis: '当事人依法请求删除' }, { headers });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(await erasures(keyed)).toBe(1);

    const raced = await registerCase();
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        api.request('POST', `/cases/${raced}/personal-data-erasure`, { legalBasis: '保存期限届满' }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    expect(await erasures(raced)).toBe(1);
  });

  it('I2: a case recorded before I2 (plain identifiers) is erased too, and the erasure says its old events hold them', async () => {
    const oldCase = `c-old-${randomUUID().slice(0, 8)}`;
    // Written to the raw store, as the API wrote events before I2.
    const registered = (
      await api.request<{ events: { data: Record<string, unknown>; actor: never }[] }>(
        'POST',
        '/cases/inquiries',
        INQUIRY,
        { token: await tokenFor('guide') },
      )
    ).body.events[0];
    await api.store.append(
      `case-${oldCase}`,
      [
        {
          eventId: randomUUID(),
          type: 'InquiryRegistered',
          schemaVersion: 1,
          occurredAt: '2026-03-02T09:00:00+08:00',
          actor: registered.actor,
          correlationId: randomUUID(),
          causationId: null,
          // The applicant as typed: a command's answer masks it for its writer (I1).
          data: { ...registered.data, caseId: oldCase, applicant: INQUIRY.applicant },
        },
      ],
      'no_stream',
    );
    expect(JSON.stringify((await read(`/cases/${oldCase}/events`)).body)).toContain(idNumber);
    const erased = await api.request<{ events: { data: unknown }[] }>(
      'POST',
      `/cases/${oldCase}/personal-data-erasure`,
      {
        legalBasis: '申请人依法请求删除',
      },
    );
    expect(erased.status).toBe(201);
    expect(erased.body.events[0].data).toEqual({
      legalBasis: '申请人依法请求删除',
      plainIdentifiersInOldEvents: true,
    });
    for (const path of [`/cases/${oldCase}/events`, `/cases/${oldCase}/dossier`, `/cases/${oldCase}`]) {
      const text = JSON.stringify((await read(path)).body);
      expect(text).not.toContain(idNumber);
      expect(text).toContain(ERASED);
    }
    expect((await read(`/cases/${oldCase}/integrity`)).body).toEqual({ ok: true, checked: 2 });
  });

  describe('a complainant’s phone (P1): I1, I2 as for an applicant', () => {
    let complaintId: string;

    beforeAll(async () => {
      const received = await api.request<{ complaintId: string }>('POST', '/complaints', COMPLAINT, {
        token: await tokenFor('guide'),
      });
      expect(received.status).toBe(201);
      complaintId = received.body.complaintId;
    });

    const view = (token: string) =>
      api.request<{ complainant?: { name: string; phone?: string } }>(
        'GET',
        `/complaints/${complaintId}`,
        undefined,
        { token },
      );

    it('I2: the store holds the phone only as ciphertext; an auditor reads it, a supervisor masked', async () => {
      const [stored] = await api.store.readStream(`complaint-${complaintId}`);
      expect(JSON.stringify(stored!.data)).not.toContain(PHONE);
      expect((stored!.data as { complainant: { phone: string } }).complainant.phone).toMatch(/^enc:v1:/);
      expect((await view(t.auditor)).body.complainant).toEqual({ name: '李四', phone: PHONE });
      expect((await view(t.supervisor)).body.complainant).toEqual({ name: '李*', phone: '1********00' });
    });

    it('I2: only an admin erases, with a legal basis; an unknown complaint is 404; nothing recorded when refused', async () => {
      await expectErasureRefusals(api, `/complaints/${complaintId}/personal-data-erasure`, t.auditor);
      const unknown = await api.request('POST', '/complaints/TS-20260302-NOSUCHID/personal-data-erasure', {
        legalBasis: 'x',
      });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ code: 'COMPLAINT_NOT_FOUND' });
      expect((await api.store.readStream(`complaint-${complaintId}`)).map((e) => e.type)).toEqual([
        'ComplaintReceived',
      ]);
    });

    it('I2: after erasure the phone reads as erased for auditors too; the complaint goes on; chain and seals verify', async () => {
      const erased = await api.request<{ complaintId: string; events: { type: string; data: unknown }[] }>(
        'POST',
        `/complaints/${complaintId}/personal-data-erasure`,
        { legalBasis: '投诉人依法请求删除' },
      );
      expect(erased.status).toBe(201);
      expect(erased.body).toMatchObject({
        complaintId,
        events: [
          {
            type: 'ComplaintPersonalDataErased',
            data: { legalBasis: '投诉人依法请求删除', plainIdentifiersInOldEvents: false },
          },
        ],
      });
      for (const token of [t.auditor, t.supervisor]) {
        const res = await view(token);
        expect(res.status).toBe(200);
        expect(res.body.complainant?.phone).toBe(ERASED);
        expect(JSON.stringify(res.body)).not.toContain(PHONE);
      }
      // The complaint's course is untouched: it can still be investigated.
      const investigation = `/complaints/${complaintId}/investigation`;
      expect(
        (await api.request('POST', investigation, { note: '调查' }, { token: t.supervisor })).status,
      ).toBe(201);

      const raw = api.store as PostgresEventStore;
      const keys = await raw.database.query<{ wrapped_key: string | null; legal_basis: string }>(
        'SELECT wrapped_key, legal_basis FROM es_data_keys WHERE stream_id = $1',
        [`complaint-${complaintId}`],
      );
      expect(keys).toEqual([{ wrapped_key: null, legal_basis: '投诉人依法请求删除' }]);
      expect(await raw.verifyStream(`complaint-${complaintId}`)).toMatchObject({ ok: true, checked: 3 });
      expect((await api.request('POST', '/audit/seals', undefined, { token: t.auditor })).status).toBe(201);
      expect(
        (await api.request('GET', '/audit/seals/verification', undefined, { token: t.auditor })).body,
      ).toMatchObject({ ok: true, problems: [] });

      const again = await api.request('POST', `/complaints/${complaintId}/personal-data-erasure`, {
        legalBasis: '再次',
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'I2_ALREADY_ERASED' });
    });
  });
});
