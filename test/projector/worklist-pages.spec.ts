/**
 * GET /cases in its default order (-receivedAt, API.md "Queries") paged across the boundary
 * between the received cases and those not yet received, over HTTP from `case_views` on FerretDB:
 * the page is filled by two keyset reads (worklist-query.ts worklistReads), the received cases
 * newest first, several received at the same instant (by case id, descending), then the
 * inquiries not yet received by case id, descending. Every case comes exactly once whatever the
 * page size, as in one page; a cursor is the last item's (receivedAt, case id), '' for a case not
 * yet received, and decodes as it always has.
 */
import { parseInstant } from '#domain/calendar/index.js';
import { caseAt, type Tokens } from '../api/support/case-fixtures.js';
import { applyFor } from '../api/support/case-steps.js';
import { startViewsApi, type ViewPage, type ViewsApi } from './support/views-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';

type Page = ViewPage<{ caseId: string; receivedAt: string | null }>;

const cursorOf = (key: readonly string[]): string =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

describe('GET /cases, default order: pages across the cases not yet received (FerretDB)', () => {
  let api: ViewsApi;
  let t: Tokens;
  /** The expected order: received newest first (ties by id descending), then not received by id descending. */
  let expected: string[];
  const receivedAtMs = new Map<string, number>();

  const list = async (query: string): Promise<Page> => {
    const res = await api.request<Page>('GET', `/cases${query}`, undefined, { token: t.supervisor });
    if (res.status !== 200) throw new Error(`GET /cases${query} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  async function pagedIds(limit: number, start?: string): Promise<string[]> {
    const out: string[] = [];
    let cursor: string | null = start ?? null;
    let pages = 0;
    do {
      const page: Page = await list(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      // A page is full unless it is the last one.
      if (page.nextCursor !== null) expect(page.items).toHaveLength(limit);
      out.push(...page.items.map((i) => i.caseId));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 50);
    return out;
  }

  useTestApi(
    { open: () => startViewsApi({ projectionWaitMs: 1_000 }), timeoutMs: 90_000 },
    (stand) => ({ api, t } = stand),
  );
  beforeAll(async () => {
    // Ten inquiries first, then six of them received in another order, some at the same instant,
    // so that the ids of cases not yet received lie between those received.
    api.clock.set(parseInstant('2026-03-02T10:00:00+08:00'));
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(await caseAt(api, t, 'inquiry'));
    const receipts: [number, string][] = [
      [2, '2026-03-02T11:00:00+08:00'],
      [6, '2026-03-02T11:00:00+08:00'],
      [0, '2026-03-02T12:00:00+08:00'],
      [8, '2026-03-02T13:00:00+08:00'],
      [4, '2026-03-02T13:00:00+08:00'],
      [1, '2026-03-02T14:00:00+08:00'],
    ];
    for (const [i, at] of receipts) {
      api.clock.set(parseInstant(at));
      const id = ids[i]!;
      await applyFor(api, id, t.window, { materials: [{ code: 'id', name: '身份证' }] });

      receivedAtMs.set(id, parseInstant(at));
    }
    const received = ids.filter((id) => receivedAtMs.has(id));
    const notReceived = ids.filter((id) => !receivedAtMs.has(id));
    const desc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
    expected = [
      ...received.sort((a, b) => receivedAtMs.get(b)! - receivedAtMs.get(a)! || desc(a, b)),
      ...notReceived.sort(desc),
    ];
    await api.viewsCaughtUp();
  }, 90_000);

  it('one page: the received cases newest first (ties by case id, descending), then those not yet received by case id, descending', async () => {
    const page = await list('?limit=100');
    expect(page.items.map((i) => i.caseId)).toEqual(expected);
    expect(page.nextCursor).toBeNull();
    expect(page.items.slice(0, 6).every((i) => i.receivedAt !== null)).toBe(true);
    expect(page.items.slice(6).map((i) => i.receivedAt)).toEqual([null, null, null, null]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 9, 10])(
    'pages of %i: every case exactly once, in that order, across the boundary',
    async (limit) => {
      expect(await pagedIds(limit)).toEqual(expected);
    },
  );

  it('a cursor in either part goes on from there; a cursor the API did not give for the sort is a 400', async () => {
    // The cursor's meaning is unchanged: the last item's (receivedAt in ms, case id), '' when not received.
    const third = expected[2]!;
    expect(await pagedIds(2, cursorOf([String(receivedAtMs.get(third)!), third]))).toEqual(expected.slice(3));
    const seventh = expected[6]!;
    expect(await pagedIds(2, cursorOf(['', seventh]))).toEqual(expected.slice(7));
    for (const query of [
      `?cursor=${cursorOf(['soon', third])}`,
      `?sort=deadline&cursor=${cursorOf(['', third])}`,
    ]) {
      const res = await api.request<Record<string, unknown>>('GET', `/cases${query}`, undefined, {
        token: t.supervisor,
      });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('cursor');
    }
  });
});
