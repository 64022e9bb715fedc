/**
 * The opening most HTTP suites share, as a jest fixture: the describe block that calls `useTestApi`
 * gets, before its tests, an API opened by `open` (startApi, startViewsApi, startSupervisedApi …),
 * the staff tokens and what the admin configures first (default the fixture matters), handed to
 * `receive`, which keeps them in the suite's variables. A suite's own beforeAll, declared after the
 * call, runs once they are handed over. After its tests, `beforeClose` stops what the suite started
 * on the API's stores, then the API closes: one afterAll, since jest runs a block's afterAll hooks in
 * the order declared and a suite's own would run after the close.
 */
import type { TestApi } from './api-harness.js';
import { defineMatters, tokens, type Tokens } from './case-fixtures.js';

export interface TestApiStand<Api extends TestApi = TestApi> {
  readonly api: Api;
  readonly t: Tokens;
}

export interface TestApiOptions<Api extends TestApi> {
  readonly open: () => Promise<Api>;
  /** What the admin configures once the API is up: default the matters M-001 and M-002; null for nothing. */
  readonly configure?: ((api: TestApi, t: Tokens) => Promise<void>) | null;
  /** What the suite stops before the API closes: what it started on the API's store or read store. */
  readonly beforeClose?: () => Promise<void>;
  /** The beforeAll's timeout, where opening takes longer than jest's configured one. */
  readonly timeoutMs?: number;
}

export function useTestApi<Api extends TestApi>(
  { open, configure = defineMatters, beforeClose, timeoutMs }: TestApiOptions<Api>,
  receive: (stand: TestApiStand<Api>) => void,
): void {
  let api: Api | undefined;
  beforeAll(async () => {
    api = await open();
    const t = await tokens();
    await configure?.(api, t);
    receive({ api, t });
  }, timeoutMs);
  afterAll(async () => {
    await beforeClose?.();
    await api?.close();
  });
}
