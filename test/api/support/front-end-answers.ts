/**
 * What the front-end-answers-*.spec.ts suites share: the API as `npm start` builds it (startViewsApi:
 * PGlite, FerretDB, the projector in-process) opened for the suite (useTestApi), the problem+json
 * its refusals answer, and two requests of the suite's tests: a fresh inquiry by the guide
 * (`inquiry`) and a request sent as it is, past the harness's JSON (`raw`, as the supervisor unless
 * `init.token` says otherwise).
 */
import { startViewsApi, type ViewsApi } from '../../projector/support/views-api.js';
import { expectOk, INQUIRY } from './case-fixtures.js';
import { type TestApiStand, useTestApi } from './test-api-stand.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: { field: string; message: string }[];
}

export interface FrontEndRequests {
  /** POST /cases/inquiries by the guide: the new case's id. */
  readonly inquiry: () => Promise<string>;
  /** fetch of `path` on the API with the bearer token of `init.token` (default the supervisor). */
  readonly raw: (path: string, init?: RequestInit & { token?: string }) => Promise<Response>;
}

/** Opens the suite's API (useTestApi), hands it and the tokens to `receive`, answers its requests. */
export function useFrontEndApi(receive: (stand: TestApiStand<ViewsApi>) => void): FrontEndRequests {
  let stand: TestApiStand<ViewsApi>;
  useTestApi({ open: () => startViewsApi() }, (opened) => receive((stand = opened)));
  return {
    inquiry: async () =>
      (await expectOk(stand.api, 'POST', '/cases/inquiries', INQUIRY, stand.t.guide)).caseId as string,
    raw: (path, init = {}) =>
      fetch(`${stand.api.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${init.token ?? stand.t.supervisor}`, ...(init.headers ?? {}) },
      }),
  };
}
