/**
 * The API of issue 14's HTTP walks (test/api/casework/): PGlite, center-1 with a local suspension
 * type (T6), the fixture matters and an escalated one (T13), the fixture tokens.
 */
import { startApi, type TestApi } from './api-harness.js';
import { defineCenter, defineMatters, expectOk, PROMISED_MATTER, type Tokens } from './case-fixtures.js';
import { useTestApi, type TestApiStand } from './test-api-stand.js';

export type Recorded = { type: string; data: Record<string, unknown> };

export const REMEDIES_NOTICE =
  '如不服本决定，可自收到之日起60日内向某某县人民政府申请行政复议，或6个月内向某某县人民法院提起行政诉讼。';

export interface CaseworkApi extends TestApiStand {
  /** The case's recorded events, as the auditor reads them. */
  eventsOf(caseId: string): Promise<Recorded[]>;
}

/** center-1 with a local suspension type (T6), the fixture matters and an escalated one, M-003 (T13). */
export async function configureCasework(api: TestApi, t: Tokens): Promise<void> {
  await defineCenter(api, t, { localSuspensionTypes: ['site_survey'] });
  await defineMatters(api, t);
  await expectOk(
    api,
    'PUT',
    '/admin/matters/M-003',
    { ...PROMISED_MATTER, name: '药品经营许可（上报）', kind: 'escalated', promisedLimitDays: 20 },
    t.admin,
  );
}

/** useTestApi on PGlite configured by configureCasework, handing `receive` the case's events too. */
export function useCaseworkApi(receive: (stand: CaseworkApi) => void): void {
  useTestApi({ open: () => startApi('pglite'), configure: configureCasework }, ({ api, t }) =>
    receive({
      api,
      t,
      eventsOf: async (caseId) =>
        (await api.request('GET', `/cases/${caseId}/events?limit=500`, undefined, { token: t.auditor })).body
          .items as Recorded[],
    }),
  );
}
