/**
 * Every projection the projector runs, by name (`npm run rebuild -- <name>…` takes these names):
 * the read models of DESIGN.md, and supervision's back-dated entries view (U2).
 */
import type { Projection } from '../projection/projection.js';
import { backdatedEntriesProjection } from '../supervision/backdated-entries/backdated-entries.projection.js';
import { accountabilityProjection } from './accountability/accountability.projection.js';
import { cardsProjection } from './cards/cards.projection.js';
import { caseTimelinesProjection } from './case-timelines/case-timelines.projection.js';
import { caseViewsProjection } from './case-views/case-views.projection.js';
import { statisticsProjection } from './statistics/statistics.projection.js';
import { complaintsProjection } from './complaints/complaints.projection.js';
import { caseEvaluationsProjection } from './evaluations/case-evaluations.projection.js';

/** Every read model, each built by its projection's pure functions. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  caseViewsProjection,
  caseTimelinesProjection,
  cardsProjection,
  accountabilityProjection,
  statisticsProjection,
  complaintsProjection,
  caseEvaluationsProjection,
  backdatedEntriesProjection,
];

export class UnknownProjection extends Error {
  override readonly name = 'UnknownProjection';
  constructor(
    readonly requested: string,
    readonly known: readonly string[],
  ) {
    super(`no projection named ${JSON.stringify(requested)}; the projections are: ${known.join(', ')}`);
  }
}

/** The named projections (all when `names` is empty), or UnknownProjection. */
export function selectProjections(all: readonly Projection[], names: readonly string[]): Projection[] {
  if (names.length === 0) return [...all];
  return names.map((name) => {
    const found = all.find((p) => p.name === name);
    if (!found)
      throw new UnknownProjection(
        name,
        all.map((p) => p.name),
      );
    return found;
  });
}
