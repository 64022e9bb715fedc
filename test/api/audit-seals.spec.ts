/**
 * U7 over HTTP: POST /audit/seals (auditor, admin), GET /audit/seals (newest first),
 * GET /audit/seals/verification, GET /audit/seals/{id}/export (a printable page).
 */
import { startApi, tokenFor, type TestApi } from './support/api-harness.js';
import { INQUIRY, type Tokens } from './support/case-fixtures.js';
import { useTestApi } from './support/test-api-stand.js';

interface SealBody {
  sealId: string;
  sealNo: number;
  digest: string;
  merkleRoot: string;
  streamCount: number;
  previousDigest: string;
}

describe('U7 seals over HTTP (PGlite)', () => {
  let api: TestApi;
  let t: Tokens;

  useTestApi({ open: () => startApi('pglite'), configure: null }, (stand) => ({ api, t } = stand));

  it('U7: an auditor or an admin seals the store now; other roles are refused, nothing recorded', async () => {
    const guide = await tokenFor('guide');
    const registered = await api.request('POST', '/cases/inquiries', INQUIRY, { token: guide });
    expect(registered.status).toBe(201);

    const refused = await api.request('POST', '/audit/seals', undefined, {
      token: await tokenFor('supervisor'),
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await api.store.readStream('seals')).toEqual([]);

    const first = await api.request<SealBody>('POST', '/audit/seals', undefined, { token: t.auditor });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ sealNo: 1, algorithm: 'sm3', previousDigest: '0'.repeat(64) });
    expect(first.body.streamCount).toBeGreaterThanOrEqual(1);
    // U1: the seal's event names who sealed, with the department and window the token gave.
    const [sealed] = await api.store.readStream('seals');
    expect(sealed?.actor).toEqual({
      id: 'u-auditor',
      name: '纪检孙丽',
      role: 'auditor',
      departmentId: 'dept-discipline',
      windowId: null,
    });
    const second = await api.request<SealBody>('POST', '/audit/seals'); // admin
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ sealNo: 2, previousDigest: first.body.digest });

    const list = await api.request<{ items: SealBody[]; nextCursor: string | null }>(
      'GET',
      '/audit/seals',
      undefined,
      {
        token: t.auditor,
      },
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((s) => s.sealNo)).toEqual([2, 1]);
    const paged = await api.request<{ items: SealBody[]; nextCursor: string | null }>(
      'GET',
      '/audit/seals?limit=1',
      undefined,
      { token: t.auditor },
    );
    expect(paged.body.items.map((s) => s.sealNo)).toEqual([2]);
    const rest = await api.request<{ items: SealBody[] }>(
      'GET',
      `/audit/seals?limit=1&cursor=${paged.body.nextCursor}`,
      undefined,
      { token: t.auditor },
    );
    expect(rest.body.items.map((s) => s.sealNo)).toEqual([1]);
    expect((await api.request('GET', '/audit/seals')).status).toBe(403); // admin may seal, not read
  });

  it('U7: verification answers ok with what it checked; the export is a printable page with the digests', async () => {
    const verification = await api.request('GET', '/audit/seals/verification', undefined, {
      token: t.auditor,
    });
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ ok: true, sealsChecked: 2, problems: [] });
    expect(verification.body.streamsChecked).toBeGreaterThanOrEqual(1);

    const [latest] = (
      await api.request<{ items: SealBody[] }>('GET', '/audit/seals', undefined, { token: t.auditor })
    ).body.items;
    const page = await api.request<string>('GET', `/audit/seals/${latest.sealId}/export`, undefined, {
      token: t.auditor,
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('存证封签');
    expect(page.body).toContain(latest.digest);
    expect(page.body).toContain(latest.merkleRoot);
    expect(page.body).toContain(latest.previousDigest);

    const unknown = await api.request(
      'GET',
      '/audit/seals/00000000-0000-4000-8000-000000000000/export',
      undefined,
      {
        token: t.auditor,
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'SEAL_NOT_FOUND' });
    const malformed = await api.request('GET', '/audit/seals/not-a-seal/export', undefined, {
      token: t.auditor,
    });
    expect(malformed.status).toBe(400);
  });

  it('U7 seals follow the command conventions: a keyed retry answers 200 with the first seal, the key with another caller is 422, If-Match names the seals stream (412 when it moved on); nothing recorded twice', async () => {
    const sealsNow = async (): Promise<number> => (await api.store.readStream('seals')).length;
    const before = await sealsNow();
    const headers = { 'Idempotency-Key': 'seal-once-0001' };
    const first = await api.request<SealBody>('POST', '/audit/seals', undefined, {
      token: t.auditor,
      headers,
    });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe(`"${first.body.sealNo - 1}"`);
    const retry = await api.request<SealBody>('POST', '/audit/seals', undefined, {
      token: t.auditor,
      headers,
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await sealsNow()).toBe(before + 1);

    // The same subject and key with other scope claims is another request (finding 5).
    const elsewhere = await tokenFor('auditor', { centerId: 'center-2' });
    const reused = await api.request('POST', '/audit/seals', undefined, { token: elsewhere, headers });
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await sealsNow()).toBe(before + 1);

    const stale = await api.request('POST', '/audit/seals', undefined, {
      token: t.auditor,
      headers: { 'If-Match': `"${first.body.sealNo - 2}"` },
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await sealsNow()).toBe(before + 1);
    const current = await api.request<SealBody>('POST', '/audit/seals', undefined, {
      token: t.auditor,
      headers: { 'If-Match': first.headers.get('etag')!, 'X-Correlation-Id': 'seal-corr-1' },
    });
    expect(current.status).toBe(201);
    expect(current.body.sealNo).toBe(first.body.sealNo + 1);
    const recorded = (await api.store.readStream('seals')).at(-1)!;
    expect(recorded.correlationId).toBe('seal-corr-1');
    const badKey = await api.request('POST', '/audit/seals', undefined, {
      token: t.auditor,
      headers: { 'Idempotency-Key': 'k'.repeat(201) },
    });
    expect(badKey.status).toBe(400);
    expect(await sealsNow()).toBe(before + 2);
  });
});
