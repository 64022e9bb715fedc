/**
 * Issue 12 (item 7, T14): how a request must be sent and how one sent otherwise is answered, over
 * HTTP against the API as `npm start` builds it (PGlite, FerretDB, the projector in-process): a body
 * without Content-Type: application/json; the time filters of the query (an unencoded +, an instant
 * or a date, a `to` not after `from`, the years 2000–2099, the month statistics cover by default).
 * The other items: front-end-answers-commands-and-problems.spec.ts.
 */
import { INQUIRY, type Tokens } from './support/case-fixtures.js';
import { type Problem, useFrontEndApi } from './support/front-end-answers.js';

describe('front-end answers (issue 12)', () => {
  let t: Tokens;

  const { inquiry, raw } = useFrontEndApi((stand) => ({ t } = stand));

  it('item 7: a body sent without Content-Type: application/json is one 400 saying to send JSON, not a list of missing fields', async () => {
    const form = await raw('/cases/inquiries', {
      method: 'POST',
      token: t.guide,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify(INQUIRY),
    });
    const none = await raw('/cases/inquiries', {
      method: 'POST',
      token: t.guide,
      body: JSON.stringify(INQUIRY),
    });
    for (const res of [form, none]) {
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const p = (await res.json()) as Problem;
      expect(p.code).toBe('VALIDATION_FAILED');
      expect(p.detail).toContain('Content-Type: application/json');
      expect(p.errors).toEqual([
        { field: '(body)', message: 'send the body as JSON with Content-Type: application/json' },
      ]);
    }
  });

  it('item 7: an unencoded + in an instant query parameter is answered with the hint to send %2B, on every route', async () => {
    const id = await inquiry();
    const paths = [
      '/views/overdue?deadlineBefore=2026-03-10T00:00:00+08:00',
      '/views/cards?from=2026-03-01T00:00:00+08:00',
      '/views/statistics?to=2026-03-31T00:00:00+08:00',
      `/cases/${id}/state?asOf=2026-03-02T09:30:00+08:00`,
    ];
    for (const path of paths) {
      const res = await raw(path);
      const p = (await res.json()) as Problem;
      expect({ path, status: res.status, code: p.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
      expect(p.errors![0]!.message).toContain('send it as %2B');
      expect(p.errors![0]!.message).toContain('arrives as a space');
    }
    const wrong = (await (await raw('/views/cards?from=yesterday')).json()) as Problem;
    expect(wrong.errors).toEqual([
      {
        field: 'from',
        message:
          'must be an ISO-8601 instant with an offset (2026-03-02T09:00:00%2B08:00) or a date YYYY-MM-DD',
      },
    ]);
  });

  it('T14: a time filter outside the years 2000–2099 is 400 naming it, on every route', async () => {
    const id = await inquiry();
    for (const [path, field] of [
      ['/views/cards?from=0000-01-01', 'from'],
      ['/views/overdue?deadlineBefore=2100-01-01T00:00:00%2B08:00', 'deadlineBefore'],
      ['/views/statistics?from=1999-12-31&to=2000-01-31', 'from'],
      [`/cases/${id}/state?asOf=0001-01-01`, 'asOf'],
    ] as const) {
      const res = await raw(path);
      const p = (await res.json()) as Problem;
      expect({ path, status: res.status, errors: p.errors }).toEqual({
        path,
        status: 400,
        errors: [{ field, message: 'must lie within the years 2000–2099 (T14)' }],
      });
    }
    // The last day of the range is a whole day, to its end.
    expect((await raw('/views/cards?from=2099-12-31&to=2099-12-31')).status).toBe(200);
  });

  it('item 7: time filters take an instant or a date (the whole day, Asia/Shanghai) the same way on every route', async () => {
    const id = await inquiry();
    for (const path of [
      '/views/cards?from=2026-03-01&to=2026-03-31',
      '/views/cards?from=2026-03-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00',
      '/views/overdue?deadlineBefore=2026-03-10&deadlineAfter=2026-03-01',
      `/cases/${id}/state?asOf=2026-03-02`,
    ])
      expect({ path, status: (await raw(path)).status }).toEqual({ path, status: 200 });
    // A date as asOf is the end of that day: the inquiry registered at 09:00 is in it.
    expect(
      ((await (await raw(`/cases/${id}/state?asOf=2026-03-02`)).json()) as { status: string }).status,
    ).toBe('inquiry');
    const byInstant = (await (
      await raw('/views/statistics?from=2026-03-02T00:00:00%2B08:00&to=2026-03-03T00:00:00%2B08:00')
    ).json()) as { from: string; to: string; received: number };
    expect({ from: byInstant.from, to: byInstant.to }).toEqual({ from: '2026-03-02', to: '2026-03-02' });
    const byDate = (await (await raw('/views/statistics?from=2026-03-02&to=2026-03-02')).json()) as object;
    expect(byDate).toEqual(byInstant);
  });

  it('item 7: a `to` not after `from` is 400 naming to on every list filtered by time, and a summed view covers at most 366 days', async () => {
    for (const [path, token, message] of [
      ['/views/cards?from=2026-03-05&to=2026-03-01', t.supervisor, 'must be after from'],
      [
        '/views/complaints?from=2026-03-05&to=2026-03-05T00:00:00%2B08:00',
        t.supervisor,
        'must be after from',
      ],
      ['/views/audit/backdated?from=2026-03-05&to=2026-03-01', t.auditor, 'must be after from'],
      ['/views/statistics?from=2026-03-05&to=2026-03-01', t.supervisor, 'must not be before from'],
      [
        '/views/evaluations?from=2025-01-01&to=2026-03-01',
        t.supervisor,
        'must be at most 366 days after from',
      ],
      [
        '/views/statistics?from=2025-01-01&to=2026-03-01',
        t.supervisor,
        'must be at most 366 days after from',
      ],
    ] as const) {
      const res = await raw(path, { token });
      const p = (await res.json()) as Problem;
      expect({ path, status: res.status, errors: p.errors }).toEqual({
        path,
        status: 400,
        errors: [{ field: 'to', message }],
      });
    }
    // The back-dated entries take dates too now, as every route does (they took instants only).
    expect(
      (await raw('/views/audit/backdated?from=2026-03-01&to=2026-03-31', { token: t.auditor })).status,
    ).toBe(200);
    expect((await raw('/views/evaluations?from=2025-03-02&to=2026-03-02')).status).toBe(200);
  });

  it('item 7 (S1): statistics without from/to cover the current month up to today and say so in from and to', async () => {
    const res = (await (await raw('/views/statistics')).json()) as { from: string; to: string };
    expect({ from: res.from, to: res.to }).toEqual({ from: '2026-03-01', to: '2026-03-02' });
  });
});
