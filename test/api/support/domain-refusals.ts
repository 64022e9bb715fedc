/**
 * What the domain-refusals-*.spec.ts suites share. An attempt is the request a refusal answers; most
 * are a command on a fresh case (`onCaseAt`, `againOnCaseAt`). Every refusal of DOMAIN.md reachable
 * over HTTP surfaces as problem+json with its rule code, a Chinese title and an English detail, and
 * records nothing: the stream's revision is unchanged (`expectRefused`).
 */
import { startApi, type StoreKind, type TestApi } from './api-harness.js';
import { caseAt, type CaseStage, expectOk, type Tokens } from './case-fixtures.js';
import { type TestApiStand, useTestApi } from './test-api-stand.js';

export interface Attempt {
  readonly method?: string;
  readonly path: string;
  readonly body: unknown;
  readonly token: string;
  /** The stream that must not change; default the case of the path. */
  readonly stream?: string;
}

export interface FreshCase {
  readonly matter?: string;
  readonly registeredBy?: keyof Tokens;
}

export type Refusal = readonly [code: string, status: number, setup: () => Promise<Attempt>];

export const post = (path: string, body: unknown, token: string): Attempt => ({ path, body, token });
const streamOf = (a: Attempt): string => a.stream ?? `case-${a.path.split('/')[2]}`;

/** The attempt of `role`'s POST /cases/{id}/{action} with `body`, on a fresh case at `stage`. */
export type CaseAttempt = (
  stage: CaseStage,
  action: string,
  role: keyof Tokens,
  body: unknown,
  fresh?: FreshCase,
) => () => Promise<Attempt>;

/** The attempts on fresh cases of the suite's API, by the staff of its tokens. */
export interface CaseAttempts {
  /** A fresh case at `stage`, of `matter` (default M-001), registered by `registeredBy` (default the window). */
  readonly freshCaseAt: (stage: CaseStage, fresh?: FreshCase) => Promise<string>;
  /** The attempt of most refusals: POST /cases/{id}/{action} by `role` on a fresh case at `stage`. */
  readonly onCaseAt: CaseAttempt;
  /** The same command a second time: the first one, on a fresh case at `stage`, succeeds. */
  readonly againOnCaseAt: CaseAttempt;
}

/**
 * Opens the suite's API on a store of `kind` (useTestApi), hands it and the tokens to `receive`,
 * and answers the builders of attempts on fresh cases of that API (used in the suite's tests).
 */
export function useRefusalApi(kind: StoreKind, receive: (stand: TestApiStand) => void): CaseAttempts {
  let opened: TestApiStand | undefined;
  useTestApi({ open: () => startApi(kind) }, (stand) => {
    opened = stand;
    receive(stand);
  });
  const stand = (): TestApiStand => {
    if (opened === undefined) throw new Error('useRefusalApi: an attempt made before the suite’s beforeAll');
    return opened;
  };
  const freshCaseAt = (stage: CaseStage, { matter, registeredBy }: FreshCase = {}): Promise<string> => {
    const { api, t } = stand();
    return caseAt(api, t, stage, {
      ...(matter !== undefined && { matter }),
      ...(registeredBy !== undefined && { registeredBy: t[registeredBy] }),
    });
  };
  return {
    freshCaseAt,
    onCaseAt: (stage, action, role, body, fresh) => async () =>
      post(`/cases/${await freshCaseAt(stage, fresh)}/${action}`, body, stand().t[role]),
    againOnCaseAt: (stage, action, role, body, fresh) => async () => {
      const { api, t } = stand();
      const id = await freshCaseAt(stage, fresh);
      await expectOk(api, 'POST', `/cases/${id}/${action}`, body, t[role]);
      return post(`/cases/${id}/${action}`, body, t[role]);
    },
  };
}

/** `attempt` is refused with `code` and `status` as problem+json, and its stream's revision is unchanged. */
export async function expectRefused(
  api: TestApi,
  code: string,
  status: number,
  attempt: Attempt,
): Promise<void> {
  const stream = streamOf(attempt);
  const before = await api.store.streamRevision(stream);
  const res = await api.request(attempt.method ?? 'POST', attempt.path, attempt.body, {
    token: attempt.token,
  });
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.title).toMatch(/[\u4e00-\u9fff]/);
  expect(res.body.detail).toMatch(/^[\x20-\x7e\u2018-\u201d\u4e00-\u9fff（）\u2013…]+$/);
  expect(res.body.type).toBe(`/problems/${code}`);
  expect(res.body.status).toBe(status);
  expect(await api.store.streamRevision(stream)).toBe(before);
}
