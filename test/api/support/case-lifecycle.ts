/**
 * What the case-lifecycle-*.spec.ts suites share: the API on a store of `kind` (startApi), opened for
 * the suite's tests (useTestApi) with the fixture center and its matters M-001 and M-002 defined.
 */
import { startApi, type StoreKind } from './api-harness.js';
import { defineCenterAndMatters } from './case-fixtures.js';
import { type TestApiStand, useTestApi } from './test-api-stand.js';

/** Opens the suite's API on a store of `kind` and hands it and the tokens to `receive`. */
export function useLifecycleApi(kind: StoreKind, receive: (stand: TestApiStand) => void): void {
  useTestApi({ open: () => startApi(kind), configure: defineCenterAndMatters }, receive);
}
