/**
 * R1 for views whose documents name their case but not its center (cards, accountability
 * violations): keeps the items whose case lies in the reader's scope. The center of a case comes
 * from its first event (alerts/case-centers.ts, remembered: a case never changes center); that of
 * a complaint without a case (P1, P3: a violation naming `complaintId` and no case) from its receipt.
 */
import { Inject, Injectable } from '@nestjs/common';
import { caseInScope, type ReadScope } from '#domain/access/read-scope.js';
import { COMPLAINT_STREAM_PREFIX } from '#domain/complaint/complaint-events.js';
import { CaseCenters } from '../alerts/case-centers.js';
import { VIEWS_DEPENDENCIES, type ViewsDependencies } from './views-dependencies.js';

export interface CaseItem {
  readonly caseId: string;
  /** A complaint without a case (caseId empty, P1). */
  readonly complaintId?: string;
  readonly departmentId?: string | null;
}

@Injectable()
export class CaseScope {
  private readonly centers: CaseCenters;
  private readonly complaintCenters: CaseCenters;

  constructor(@Inject(VIEWS_DEPENDENCIES) deps: ViewsDependencies) {
    this.centers = new CaseCenters(deps.store);
    this.complaintCenters = new CaseCenters(deps.store, COMPLAINT_STREAM_PREFIX);
  }

  /** The items whose case the scope may read, in their order. */
  async keep<T extends CaseItem>(scope: ReadScope, items: readonly T[]): Promise<T[]> {
    if (scope.kind === 'all') return [...items];
    const kept: T[] = [];
    for (const item of items) {
      const centerId =
        item.caseId === '' && item.complaintId !== undefined
          ? await this.complaintCenters.of(item.complaintId)
          : await this.centers.of(item.caseId);
      if (caseInScope(scope, { centerId: centerId ?? null, departmentId: item.departmentId ?? null }))
        kept.push(item);
    }
    return kept;
  }
}
