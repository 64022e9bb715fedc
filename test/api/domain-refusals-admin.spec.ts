/**
 * The refusals of the admin's configuration over HTTP: the matters' limits (T5), the calendar (T2),
 * a center's office hours (T1), the timeliness policy (C7), a role other than the admin's; a
 * matter's malformed fields. Each refusal is problem+json with its rule code and records nothing
 * (support/domain-refusals.ts).
 */
import { STORE_KINDS, type TestApi } from './support/api-harness.js';
import { PROMISED_MATTER, type Tokens } from './support/case-fixtures.js';
import { expectRefused, type Refusal, useRefusalApi } from './support/domain-refusals.js';

describe.each(STORE_KINDS)('domain refusals over HTTP (%s)', (kind) => {
  let api: TestApi;
  let t: Tokens;

  useRefusalApi(kind, (stand) => ({ api, t } = stand));

  const refusals: readonly Refusal[] = [
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
    await expectRefused(api, code, status, await setup());
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
