/**
 * The API of issue 14's HTTP walks (test/api/casework/): PGlite, center-1 with a local suspension
 * type (T6), the fixture matters and an escalated one (T13), the fixture tokens.
 */
import { startApi, type TestApi } from './api-harness.js';
import { defineMatters, expectOk, PROMISED_MATTER, tokens, type Tokens } from './case-fixtures.js';

export type Recorded = { type: string; data: Record<string, unknown> };

export const REMEDIES_NOTICE =
  '如不服本决定，可自收到之日起60日内向某某县人民政府申请行政复议，或6个月内向某某县人民法院提起行政诉讼。';

export interface CaseworkApi {
  readonly api: TestApi;
  readonly t: Tokens;
  eventsOf(caseId: string): Promise<Recorded[]>;
}

export async function startCaseworkApi(): Promise<CaseworkApi> {
  const api = await startApi('pglite');
  const t = await tokens();
  await expectOk(
    api,
    'PUT',
    '/admin/centers/center-1',
    {
      name: '某某县政务服务中心',
      officeHours: [
        { start: '08:30', end: '12:00' },
        { start: '14:30', end: '17:30' },
      ],
      localSuspensionTypes: ['site_survey'],
    },
    t.admin,
  );
  await defineMatters(api, t);
  await expectOk(
    api,
    'PUT',
    '/admin/matters/M-003',
    { ...PROMISED_MATTER, name: '药品经营许可（上报）', kind: 'escalated', promisedLimitDays: 20 },
    t.admin,
  );
  return {
    api,
    t,
    eventsOf: async (caseId) =>
      (await api.request('GET', `/cases/${caseId}/events?limit=500`, undefined, { token: t.auditor })).body
        .items as Recorded[],
  };
}
