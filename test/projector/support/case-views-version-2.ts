/**
 * The case_views projection as an older projector ran it, at version 2: beside the case views it
 * kept a shared document per center (`case_open_deadlines`, a roster counting the center's events
 * here). A store it builds is what that projector left behind; the current projection (a later version)
 * must notice, rebuild beside it and drop the retired collection after the swap (issue 19).
 */
import { RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Projection } from '../../../apps/projector/src/projection/projection.js';
import { caseViewsProjection } from '../../../apps/projector/src/projections/case-views/case-views.projection.js';

const current: Projection = caseViewsProjection;
const roster = RETIRED_READ_MODELS.openDeadlines;

export const caseViewsVersion2: Projection = {
  ...current,
  version: 2,
  retiredCollections: [],
  collections: [...current.collections, { name: roster, indexes: [] }],
  apply(unit, event, context) {
    const step = current.apply(unit, event, context);
    const centerId = String((step.unit as { centerId?: unknown }).centerId ?? 'none');
    return {
      ...step,
      shared: [
        {
          collection: roster,
          id: centerId,
          initial: { events: 0 },
          inc: { events: 1 },
        },
      ],
    };
  },
};
