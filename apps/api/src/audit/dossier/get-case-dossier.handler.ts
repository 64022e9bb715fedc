/**
 * Builds the dossier from the case's stream as stored: its events, the case as GET /cases/{id}
 * shows it now, and the store's check of its hash chain (U3). Who may read: auditors and
 * supervisors of the case's center (case-read-scope.ts, as for the events).
 */
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toShanghaiIso } from '#domain/calendar/index.js';
import type { Clock } from '#infra/clock/clock.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { caseStateOf, caseStreamId } from '#infra/case-stream/case-stream.js';
import { assertMayRead } from '../../cases/queries/case-read-scope.js';
import { caseView } from '../../cases/queries/case-view.js';
import { loadExistingCase } from '../../cases/queries/read-case-query.handlers.js';
import { CLOCK, EVENT_STORE } from '../../runtime/runtime-tokens.js';
import { caseDossier, type CaseDossier } from './case-dossier.js';
import { dossierNames } from './dossier-names.js';
import { GetCaseDossierQuery } from './get-case-dossier.query.js';

@QueryHandler(GetCaseDossierQuery)
export class GetCaseDossierHandler implements IQueryHandler<GetCaseDossierQuery, CaseDossier> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly configuration: ConfigurationCache,
  ) {}

  async execute({ caseId, reader }: GetCaseDossierQuery): Promise<CaseDossier> {
    const streamId = caseStreamId(caseId);
    const recorded = await loadExistingCase(this.store, caseId);
    const state = caseStateOf(recorded);
    assertMayRead(reader, state, 'events');
    const now = this.clock.now();
    const view = caseView(recorded, state, reader, this.configuration, now);
    const integrity = await this.store.verifyStream(streamId);
    const names = dossierNames(recorded, view, {
      center: (id) => this.configuration.center(id)?.name,
      matter: (code) => this.configuration.matter(code)?.name,
    });
    return caseDossier({ recorded, view, integrity, reader, generatedAt: toShanghaiIso(now), names });
  }
}
