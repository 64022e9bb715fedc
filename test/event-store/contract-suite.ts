import { randomBytes } from 'node:crypto';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import type { ContractAdapter } from './contract-adapters.js';

/**
 * The event store contract (DESIGN.md, "Event store"): every adapter passes the same tests, in
 * event-store-appends, -reads and -integrity.contract.spec.ts, a describe block an adapter in each
 * (contract-adapters.ts): PostgreSQL server and PGlite always; EventStoreDB when EVENTSTORE_TEST_URL is set.
 * Streams are named under a prefix unique to each test, so the tests also hold on a shared server.
 * Here is what the spec files share: the instants they write at, and the setting up of a describe block.
 */

/** An instant as the store gives it: milliseconds and Shanghai's +08:00 offset. */
export const SHANGHAI_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/;
export const T0 = Date.parse('2026-02-13T02:00:00.000Z'); // 10:00 in Shanghai

export interface OpenContractStoreOptions {
  /** The store's clock; a test moves it by changing what it reads. */
  readonly clock: () => Date;
  /** Given the store once it is open, before the first test. */
  readonly onOpen: (store: EventStore) => void;
}

/**
 * Opens the adapter's store before the calling describe block's tests (polling every second) and
 * closes it, disposing of the adapter, after them.
 */
export function openContractStore(
  adapter: ContractAdapter,
  { clock, onOpen }: OpenContractStoreOptions,
): void {
  let store: EventStore | undefined;

  beforeAll(async () => {
    store = await adapter.open({ clock, pollIntervalMs: 1000 });
    onOpen(store);
  });

  afterAll(async () => {
    await store?.close();
    await adapter.dispose();
  });
}

/**
 * Stream-name prefixes for a describe block, `t<run>-<test number>-`: one unique to each call, under
 * a run unique to the block, so the tests also hold on a shared server.
 */
export function streamPrefixes(): () => string {
  const run = randomBytes(4).toString('hex');
  let testNo = 0;
  return () => `t${run}-${++testNo}-`;
}
