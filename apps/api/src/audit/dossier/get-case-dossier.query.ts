import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain/actor/actor.js';
import type { CaseDossier } from './case-dossier.js';

/** GET /cases/{id}/dossier: everything about one case, for auditors and supervisors. */
export class GetCaseDossierQuery extends Query<CaseDossier> {
  constructor(
    readonly caseId: string,
    readonly reader: Actor,
  ) {
    super();
  }
}
