/**
 * Queries answered straight from the event store (issue 5): the events of a case, its state at an
 * instant (U4) and its hash chain (U3). Read scope: case-read-scope.ts.
 */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore, RecordedEvent, StreamVerification } from '#infra/event-store/event-store.port.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { ProblemException, titledProblem } from '../../problem/problem-details.js';
import { CLOCK, EVENT_STORE } from '../../runtime/runtime-tokens.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import { assertMayRead } from './case-read-scope.js';
import { caseView, stateAsOf, type CaseView } from './case-view.js';
import { cursorFor } from './list-page.js';
import {
  GetCaseEventsQuery,
  GetCaseStateQuery,
  VerifyCaseIntegrityQuery,
  type CaseEventsPage,
} from './read-case-query.js';

const caseNotFound = (): ProblemException =>
  new ProblemException(titledProblem(404, 'CASE_NOT_FOUND', 'No case with this id has been registered.'));

/** The case's events; 404 CASE_NOT_FOUND when it was never registered. */
export async function loadExistingCase(store: EventStore, caseId: string): Promise<readonly RecordedEvent[]> {
  const recorded = await store.readStream(caseStreamId(caseId));
  if (recorded.length === 0) throw caseNotFound();
  return recorded;
}

@QueryHandler(GetCaseStateQuery)
export class GetCaseStateHandler implements IQueryHandler<GetCaseStateQuery, CaseView> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly configuration: ConfigurationCache,
  ) {}

  async execute({ caseId, reader, asOf, purpose }: GetCaseStateQuery): Promise<CaseView> {
    const recorded = await loadExistingCase(this.store, caseId);
    assertMayRead(reader, caseStateOf(recorded), purpose);
    const at = asOf ?? this.clock.now();
    const { state, upTo } = stateAsOf(recorded, at);
    if (upTo.length === 0)
      throw new ProblemException(
        titledProblem(404, 'CASE_NOT_FOUND', 'The case had not been registered at that instant.'),
      );
    return caseView(upTo, state, reader, this.configuration, at);
  }
}

@QueryHandler(GetCaseEventsQuery)
export class GetCaseEventsHandler implements IQueryHandler<GetCaseEventsQuery, CaseEventsPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, reader, page }: GetCaseEventsQuery): Promise<CaseEventsPage> {
    const recorded = await loadExistingCase(this.store, caseId);
    assertMayRead(reader, caseStateOf(recorded), 'events');
    const items = recorded.slice(page.fromRevision, page.fromRevision + page.limit);
    const next = page.fromRevision + items.length;
    return { items, nextCursor: next < recorded.length ? cursorFor(next) : null };
  }
}

@QueryHandler(VerifyCaseIntegrityQuery)
export class VerifyCaseIntegrityHandler implements IQueryHandler<
  VerifyCaseIntegrityQuery,
  StreamVerification
> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ caseId, reader }: VerifyCaseIntegrityQuery): Promise<StreamVerification> {
    const recorded = await loadExistingCase(this.store, caseId);
    assertMayRead(reader, caseStateOf(recorded), 'integrity');
    return this.store.verifyStream(caseStreamId(caseId));
  }
}

export const CASE_QUERY_HANDLERS = [GetCaseStateHandler, GetCaseEventsHandler, VerifyCaseIntegrityHandler];
