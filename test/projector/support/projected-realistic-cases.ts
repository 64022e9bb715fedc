/**
 * What the projections-*.spec.ts suites share: the projector as they run it (quick to take leases
 * and to poll, silent), and their set-up, 800 realistic cases (seed 7) in a PGlite event store
 * projected once into a FerretDB database, with what was recorded, by case, and each case's fold,
 * to check the read models against the domain's own functions.
 */
import { pino } from 'pino';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import { foldCase } from '#domain/case/evolve.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { EventStore, RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
  type ConfigurationEnvironment,
} from '#infra/read-store/projection-configuration.js';
import type { ReadStore } from '#infra/read-store/read-store.js';
import {
  startProjector,
  type RunningProjector,
  type StartProjectorOptions,
} from '../../../apps/projector/src/start-projector.js';
import { realisticStore } from './realistic-store.js';
import type { TestEventStore } from './test-event-store.js';
import { allEvents } from '../../support/all-events.js';

export const caughtUp = async (projector: RunningProjector): Promise<void> => projector.whenCaughtUp();
const quiet = pino({ level: 'silent' });

/** The projector as these tests run it: quick to take leases and to poll, silent. */
export const testProjector = (store: EventStore, read: ReadStore, options: StartProjectorOptions = {}) =>
  startProjector(store, read.db, { leaseRetryMs: 50, idlePollMs: 20, logger: quiet, ...options });

/** Projects what is recorded so far, then stops. */
export async function projectAll(store: EventStore, read: ReadStore, options: StartProjectorOptions = {}) {
  const projector = testProjector(store, read, options);
  await caughtUp(projector);
  await projector.stop();
}

export interface ProjectedCases {
  readonly events: TestEventStore;
  /** The database the cases are projected into. */
  readonly read: ReadStore;
  /** Every event recorded, in the store's order. */
  readonly recorded: RecordedEvent[];
  /** Each case's events, by case id. */
  readonly cases: Map<string, RecordedEvent[]>;
  /** Each case's state: the fold of its events. */
  readonly states: Map<string, CaseState>;
  /** The configuration (policy, office clocks) the recorded events set. */
  readonly environment: () => ConfigurationEnvironment;
}

/**
 * Registers the suite's beforeAll (the cases recorded and projected, then handed to `receive`,
 * which keeps them in the suite's variables) and afterAll (the stores closed): call it in a
 * `describe` body.
 */
export function useProjectedRealisticCases(receive: (projected: ProjectedCases) => void): void {
  const store = realisticStore({ cases: 800, seed: 7 });
  beforeAll(async () => {
    const { events } = store;
    const read = await store.server.database();
    await projectAll(events.store, read);
    const recorded = await allEvents(events.store);
    const cases = new Map<string, RecordedEvent[]>();
    for (const e of recorded)
      if (e.streamId.startsWith('case-')) {
        const id = e.streamId.slice('case-'.length);
        cases.set(id, [...(cases.get(id) ?? []), e]);
      }
    const states = new Map(
      [...cases].map(([id, es]) => [id, foldCase(es.map(toCaseEvent) as CaseEvent[], initialState)]),
    );
    const environment = () => environmentOf(recorded.reduce(reduceConfiguration, INITIAL_CONFIGURATION));
    receive({ events, read, recorded, cases, states, environment });
  }, 120_000);
}
