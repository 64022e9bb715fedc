/**
 * The set-up the projector's version and rebuild suites share: a PGlite event store holding
 * realistic cases (bench/projector/realistic-cases.ts, by seed) and a FerretDB (or the server of
 * MONGODB_TEST_URL) for their read stores, opened before the suite's tests and closed after them.
 */
import { appendPlanned } from '../../../bench/projector/append-planned.js';
import { realisticCaseAppends } from '../../../bench/projector/realistic-cases.js';
import { pgliteEventStore, type TestEventStore } from './test-event-store.js';
import { startTestReadServer, type TestReadServer } from './test-ferretdb.js';

/** How many realistic cases, from which seed of the generator. */
export interface RealisticCases {
  readonly cases: number;
  readonly seed: number;
}

export interface RealisticStore {
  /** The event store (set in the suite's beforeAll). */
  readonly events: TestEventStore;
  /** The read server the suite makes its databases on. */
  readonly server: TestReadServer;
  /** Appends more realistic cases (another seed: other case ids). */
  append(more: RealisticCases): Promise<void>;
}

/**
 * Registers the suite's beforeAll (event store, read server, `initial` cases appended) and afterAll
 * (both closed); call it in a `describe` body and read `events` and `server` in its tests.
 */
export function realisticStore(initial: RealisticCases, timeoutMs = 120_000): RealisticStore {
  let events: TestEventStore | undefined;
  let server: TestReadServer | undefined;
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('realisticStore: read before the suite’s beforeAll');
    return value;
  };
  const store: RealisticStore = {
    get events() {
      return opened(events);
    },
    get server() {
      return opened(server);
    },
    async append({ cases, seed }) {
      const { store: eventStore, clock } = opened(events);
      await appendPlanned(eventStore, clock, realisticCaseAppends({ cases, seed }));
    },
  };
  beforeAll(async () => {
    events = await pgliteEventStore();
    server = await startTestReadServer();
    await store.append(initial);
  }, timeoutMs);
  afterAll(async () => {
    await server?.close();
    await events?.close();
  });
  return store;
}
