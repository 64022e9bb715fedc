/**
 * Wiring of the supervision loop for a process that runs it (the projector process, and `npm start`'s
 * single process): the due-case query and the C6 ledger over the read store, the case supervisor
 * and the complaint supervisor (T10, P2: complaints without a case, due from `complaint_views`)
 * over the event store, the configuration (policy, calendar, office hours) the domain decides with.
 *
 *   const supervision = createSupervision({ store, db, configuration, clock, logger, awaitViews });
 *   await supervision.prepare();   // indexes of supervision's own collections
 *   supervision.loop.start();      // ticks every SUPERVISION_INTERVAL_MS (default 30 s)
 *   …
 *   await supervision.loop.stop();
 *
 * In the API process, pass `supervision.loop` as `ApiRuntime.supervision`, so POST /admin/clock
 * runs a tick (after `awaitViews`) before it answers.
 */
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { CaseSupervisor } from './case-supervisor.js';
import { ComplaintSupervisionStep } from './complaints/complaint-supervision-step.js';
import { ComplaintSupervisor } from './complaints/complaint-supervisor.js';
import { ReadStoreDueComplaints } from './complaints/read-store-due-complaints.js';
import { LateCompletionCheck } from './late-completion-check.js';
import { ReadStoreCompletionLedger } from './read-store-completion-ledger.js';
import { ReadStoreDueCases } from './read-store-due-cases.js';
import type { SupervisionConfiguration } from './supervision-configuration.js';
import { SupervisionLoop, type SupervisionLoopOptions } from './supervision-loop.js';

export interface SupervisionSetup {
  readonly store: EventStore;
  /** The read store's database (case_due_buckets; supervision_completions and supervision_checkpoints). */
  readonly db: Db;
  readonly configuration: SupervisionConfiguration;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Resolves once the projector has applied every event recorded so far (ticks on demand wait for it). */
  readonly awaitViews?: () => Promise<void>;
  readonly options?: SupervisionLoopOptions;
}

export interface Supervision {
  readonly loop: SupervisionLoop;
  /** Creates the indexes of supervision's own collections (idempotent). */
  prepare(): Promise<void>;
}

export function createSupervision(setup: SupervisionSetup): Supervision {
  const supervisor = new CaseSupervisor(setup.store, setup.configuration);
  const ledger = new ReadStoreCompletionLedger(setup.db);
  const loop = new SupervisionLoop(
    {
      dueCases: new ReadStoreDueCases(setup.db),
      supervisor,
      clock: setup.clock,
      lateCompletions: new LateCompletionCheck(setup.store, ledger, supervisor, setup.configuration),
      complaints: new ComplaintSupervisionStep(
        new ReadStoreDueComplaints(setup.db),
        new ComplaintSupervisor(setup.store, setup.configuration),
      ),
      ...(setup.logger && { logger: setup.logger }),
      ...(setup.awaitViews && { awaitViews: setup.awaitViews }),
    },
    setup.options,
  );
  return { loop, prepare: () => ledger.ensureIndexes() };
}
