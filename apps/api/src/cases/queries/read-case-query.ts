import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain/actor/actor.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { StreamVerification } from '#infra/event-store/event-store.port.js';
import type { CaseView } from './case-view.js';

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

/** GET /cases/{id}/events: the recorded events in revision order. */
export class GetCaseEventsQuery extends Query<{ items: readonly RecordedEvent[] }> {
  constructor(
    readonly caseId: string,
    readonly reader: Actor,
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
