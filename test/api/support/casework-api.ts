/**
 * The API of issue 14's HTTP walks (test/api/casework/): PGlite, center-1 with a local suspension
 * type (T6), the fixture matters and an escalated one (T13), the fixture tokens.
 */
import { startApi, type TestApi } from './api-harness.js';
import {
  defineCenter,
  defineMatters,
  expectOk,
  PROMISED_MATTER,
  tokens,
  type Tokens,
} from './case-fixtures.js';

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
  await defineCenter(api, t, { localSuspensionTypes: ['site_survey'] });
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
