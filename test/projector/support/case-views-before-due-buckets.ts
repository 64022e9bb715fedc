/**
 * The case_views projection as it was before version 2: without `case_due_buckets` (the collection
 * and its shared changes left out), at version 1. A store it builds is what an older projector left
 * behind; the current projection (version 2) must notice and rebuild it.
 */
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../../../apps/projector/src/projection/projection.js';
import { caseViewsProjection } from '../../../apps/projector/src/projections/case-views/case-views.projection.js';

const current = caseViewsProjection as Projection;

export const caseViewsBeforeDueBuckets: Projection = {
  ...current,
  version: 1,
  collections: current.collections.filter((c) => c.name !== READ_MODELS.caseDueBuckets),
  apply(unit, event, context) {
    const step = current.apply(unit, event, context);
    return { ...step, shared: step.shared?.filter((c) => c.collection !== READ_MODELS.caseDueBuckets) };
  },
};
