/**
 * What the views (GET /cases/{id}, /views/overdue, /views/cards, /views/accountability,
 * /views/statistics) are built on: the read store the projector writes, the event store (for the
 * projector's lag), the clock (query-time "now"). Given to ViewsModule.register by the process.
 */
import type { Db } from 'mongodb';
import type { Logger } from 'pino';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';

export interface ViewsDependencies {
  /** The read store's database; null in a process without one (the views answer 503). */
  readonly db: Db | null;
  readonly store: EventStore;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** How long a query with `minPosition` waits for the projector (API.md: 5 s). */
  readonly projectionWaitMs?: number;
}

export const VIEWS_DEPENDENCIES = Symbol('VIEWS_DEPENDENCIES');
