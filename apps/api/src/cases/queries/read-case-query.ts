import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain/actor/actor.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { StreamVerification } from '#infra/event-store/event-store.port.js';
import type { CaseView } from './case-view.js';
import type { PageRequest } from './list-page.js';

/** GET /cases/{id} and GET /cases/{id}/state?asOf= (U4): `asOf` undefined means now. */
export class GetCaseStateQuery extends Query<CaseView> {
  constructor(
    readonly caseId: string,
    readonly reader: Actor,
    readonly asOf: number | undefined,
    readonly purpose: 'view' | 'events',
  ) {
    super();
  }
}

export interface CaseEventsPage {
  readonly items: readonly RecordedEvent[];
  readonly nextCursor: string | null;
}

/** GET /cases/{id}/events: the recorded events in revision order, a page at a time. */
export class GetCaseEventsQuery extends Query<CaseEventsPage> {
  constructor(
    readonly caseId: string,
    readonly reader: Actor,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/** GET /cases/{id}/integrity (U3). */
export class VerifyCaseIntegrityQuery extends Query<StreamVerification> {
  constructor(
    readonly caseId: string,
    readonly reader: Actor,
  ) {
    super();
  }
}
