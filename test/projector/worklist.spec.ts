/**
 * GET /cases, the worklist and search (API.md "Queries", issue 19), over HTTP from the projector's
 * `case_views` on FerretDB: filters (status list, center, department, matter, receipt number, the
 * start of the applicant's name, handledBy=me, level, deadline and received ranges), both sorts,
 * cursor pages, the caller's scope (R1) and masking (I1).
 */
import { parseInstant } from '#domain/calendar/index.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import { TEST_SECRET } from '../api/support/api-harness.js';
import {
  acceptedTaxCase,
  appliedCaseOfCenterTwo,
  caseAt,
  centerTwoToken,
  defineTaxMatter,
  INQUIRY,
  type Tokens,
} from '../api/support/case-fixtures.js';
import { startViewsApi, type ViewPage, type ViewsApi } from './support/views-api.js';
import { useTestApi } from '../api/support/test-api-stand.js';

type Body = Record<string, unknown>;
type Page = ViewPage<Body>;

describe('GET /cases: worklist and search over case_views (FerretDB)', () => {
  let api: ViewsApi;
  let t: Tokens;
  let otherCenterWindow: string;
  let otherCenterSupervisor: string;
  /** Market cases of center-1 in the order they were received (an hour apart). */
  let accepted: string;
  let suspended: string;
  let completed: string;
  let inquiry: string;
  let taxCase: string;
  let otherCenterCase: string;

  const list = async (query: string, token: string): Promise<Page> => {
    const res = await api.request<Page>('GET', `/cases${query}`, undefined, { token });
    if (res.status !== 200) throw new Error(`GET /cases${query} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const ids = (page: Page): string[] => page.items.map((i) => i.caseId as string);
  const at = (iso: string): void => api.clock.set(parseInstant(iso));

  useTestApi(
    { open: () => startViewsApi({ projectionWaitMs: 1_000 }), timeoutMs: 90_000 },
    (stand) => ({ api, t } = stand),
  );
  beforeAll(async () => {
    otherCenterWindow = await centerTwoToken('window');
    otherCenterSupervisor = await centerTwoToken('supervisor');
    await defineTaxMatter(api, t, 'M-101', {
      promisedLimitDays: 3,
      requiredMaterials: [{ code: 'id', name: '身份证' }],
    });
    at('2026-03-02T09:00:00+08:00');
    suspended = await caseAt(api, t, 'suspended');
    at('2026-03-02T10:00:00+08:00');
    accepted = await caseAt(api, t, 'accepted');
    at('2026-03-02T11:00:00+08:00');
    completed = await caseAt(api, t, 'completed');
    at('2026-03-02T12:00:00+08:00');
    inquiry = await caseAt(api, t, 'inquiry');
    at('2026-03-02T14:00:00+08:00');
    taxCase = await acceptedTaxCase(api, t, 'M-101', 'SL-9001', {
      ...INQUIRY,
      applicant: { kind: 'person', name: '李四', phone: '13900139000' },
    });
    at('2026-03-02T15:00:00+08:00');
    otherCenterCase = await appliedCaseOfCenterTwo(api, otherCenterWindow);

    await api.viewsCaughtUp();
  }, 90_000);

  it('a window sees its department’s cases of its center, newest received first, those not yet received last; applicant masked (I1), no cards', async () => {
    const page = await list('', t.window);
    expect(ids(page)).toEqual([completed, accepted, suspended, inquiry]);
    expect(page.nextCursor).toBeNull();
    const first = page.items[1]!;
    expect(first).toMatchObject({
      caseId: accepted,
      status: 'accepted',
      centerId: 'center-1',
      departmentId: 'dept-market',
      receivedAt: expect.stringMatching(/^2026-03-02T10:00:00(\.000)?\+08:00$/),
      deadline: expect.any(String),
      level: 'normal',
      flags: [],
    });
    expect((first.applicant as Body).name).not.toBe('张三');
    expect(first).not.toHaveProperty('cards');
  });

  it('status list, matter, deadline sort, ranges and cursor pages: the same cases one by one as in one page', async () => {
    expect(ids(await list('?status=accepted,suspended', t.supervisor))).toEqual([
      taxCase,
      accepted,
      suspended,
    ]);
    expect(ids(await list('?status=accepted,suspended&matterCode=M-001', t.supervisor))).toEqual([
      accepted,
      suspended,
    ]);
    const byDeadline = await list('?sort=deadline&status=accepted,suspended', t.supervisor);
    // Only cases with a deadline, earliest first: the 3-day tax case before the 5-day market ones,
    // whose deadlines are equal (the end of the same office day): by case id.
    const market = [accepted, suspended].sort();
    expect(ids(byDeadline)).toEqual([taxCase, ...market]);
    expect(
      ids(
        await list(
          '?receivedFrom=2026-03-02T10:00:00%2B08:00&receivedTo=2026-03-02T11:00:00%2B08:00',
          t.supervisor,
        ),
      ),
    ).toEqual([completed, accepted]);
    const taxDeadline = byDeadline.items[0]!.deadline as string;
    expect(
      ids(
        await list(
          `?sort=deadline&status=accepted,suspended&deadlineAfter=${encodeURIComponent(taxDeadline)}`,
          t.supervisor,
        ),
      ),
    ).toEqual(market);
    expect(
      ids(await list(`?sort=deadline&deadlineBefore=${encodeURIComponent(taxDeadline)}`, t.supervisor)),
    ).toEqual([]);
    for (const sort of ['-receivedAt', 'deadline']) {
      const whole = ids(await list(`?sort=${sort}`, t.supervisor));
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(
          `?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          t.supervisor,
        );
        paged.push(...ids(page));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(whole);
    }
  });

  it('search by receipt number and by the start of the applicant’s name; handledBy=me; lists mask identifiers for auditors too (I2)', async () => {
    const byReceipt = await list('?receiptNo=SL-9001', t.auditor);
    expect(ids(byReceipt)).toEqual([taxCase]);
    // I2: the read models hold identifiers masked, for auditors too; GET /cases/{id} unmasks (U6).
    expect(byReceipt.items[0]!.applicant).toMatchObject({ name: '李四', phone: '1********00' });
    expect(ids(await list(`?applicantName=${encodeURIComponent('李')}`, t.auditor))).toEqual([taxCase]);
    expect(
      ids(await list(`?applicantName=${encodeURIComponent('张')}&centerId=center-1`, t.auditor)),
    ).toHaveLength(4);
    expect(ids(await list(`?applicantName=${encodeURIComponent('.*')}`, t.auditor))).toEqual([]);
    expect(ids(await list('?handledBy=me', t.otherWindow))).toEqual([taxCase]);
    expect(ids(await list('?handledBy=me', t.approver))).toEqual([]);
  });

  it('R1: every list in the caller’s scope; another center or department finds nothing; a token lacking its scope claim sees nothing', async () => {
    expect(ids(await list('', t.supervisor))).not.toContain(otherCenterCase);
    expect(ids(await list('', otherCenterSupervisor))).toEqual([otherCenterCase]);
    expect(ids(await list('?centerId=center-2', t.supervisor))).toEqual([]);
    expect(ids(await list('?departmentId=dept-tax', t.window))).toEqual([]);
    // The other department's window: its own case, and the center's inquiry that has no department
    // yet, which it may open by id too (R1: a list holds exactly what a read by id shows).
    expect(ids(await list('', t.otherWindow))).toEqual([taxCase, inquiry]);
    for (const id of [taxCase, inquiry])
      expect((await api.request('GET', `/cases/${id}`, undefined, { token: t.otherWindow })).status).toBe(
        200,
      );
    expect((await api.request('GET', `/cases/${accepted}`, undefined, { token: t.otherWindow })).status).toBe(
      404,
    );
    expect(ids(await list('', t.proxy))).toEqual([]);
    expect(ids(await list('', t.auditor))).toEqual(
      expect.arrayContaining([otherCenterCase, taxCase, inquiry]),
    );
    const noDepartment = await signStaffToken(
      { sub: 'u-w', name: 'w', role: 'window', centerId: 'center-1' },
      TEST_SECRET,
    );
    // A token lacking the claim its role's scope needs is refused at the door (R1, issue 11 finding 4).
    const noCenter = await signStaffToken({ sub: 'u-s', name: 's', role: 'supervisor' }, TEST_SECRET);
    for (const lacking of [noDepartment, noCenter])
      expect((await api.request<Page>('GET', '/cases', undefined, { token: lacking })).status).toBe(401);
    expect((await api.request('GET', '/cases', undefined, { token: t.admin })).status).toBe(403);
  });

  it('bad parameters are 400 naming the field, never a 500', async () => {
    for (const [query, field] of [
      ['?status=accepted,nonsense', 'status'],
      ['?sort=receivedAt', 'sort'],
      ['?handledBy=u-window', 'handledBy'],
      ['?level=orange', 'level'],
      ['?deadlineBefore=yesterday', 'deadlineBefore'],
      ['?cursor=not-a-cursor', 'cursor'],
      ['?limit=0', 'limit'],
      [`?applicantName=${'x'.repeat(51)}`, 'applicantName'],
    ] as const) {
      const res = await api.request<Body>('GET', `/cases${query}`, undefined, { token: t.supervisor });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('level is assessed at the moment of the query: past the deadline the open cases are yellow (C2)', async () => {
    await api.setClock('2026-03-10T10:00:00+08:00');
    expect(ids(await list('?level=yellow', t.window))).toEqual([accepted]);
    expect(ids(await list('?level=normal&status=suspended', t.window))).toEqual([suspended]);
  });
});
