/**
 * R1 for views whose documents name their case but not its center (cards, accountability
 * violations): keeps the items whose case lies in the reader's scope. The center of a case comes
 * from its first event (alerts/case-centers.ts, remembered: a case never changes center).
 */
import { Inject, Injectable } from '@nestjs/common';
import { caseInScope, type ReadScope } from '#domain/access/read-scope.js';
import { CaseCenters } from '../alerts/case-centers.js';
import { VIEWS_DEPENDENCIES, type ViewsDependencies } from './views-dependencies.js';

export interface CaseItem {
  readonly caseId: string;
  readonly departmentId?: string | null;
}

@Injectable()
export class CaseScope {
  private readonly centers: CaseCenters;

  constructor(@Inject(VIEWS_DEPENDENCIES) deps: ViewsDependencies) {
    this.centers = new CaseCenters(deps.store);
  }

  /** The items whose case the scope may read, in their order. */
  async keep<T extends CaseItem>(scope: ReadScope, items: readonly T[]): Promise<T[]> {
    if (scope.kind === 'all') return [...items];
    const kept: T[] = [];
    for (const item of items) {
      const centerId = await this.centers.of(item.caseId);
      if (caseInScope(scope, { centerId: centerId ?? null, departmentId: item.departmentId ?? null }))
        kept.push(item);
    }
    return kept;
  }
}
