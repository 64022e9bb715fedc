/**
 * The accountability projection as an older projector ran it, at version 3: beside the per-case
 * documents it kept one document per window and quarter holding the window's violations as an array
 * (`accountability`, kept with `$pullAll`/`$push`), and no document per violation. A store it
 * builds is what that projector left behind; the current projection (version 4) must notice,
 * rebuild beside it and drop the retired collection after the swap (issue 19).
 */
import type { Violation } from '#domain/accountability/violation.js';
import { quarterOf } from '#domain/accountability/window-ledger.js';
import { READ_MODELS, RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Projection, SharedDelta } from '../../../apps/projector/src/projection/projection.js';
import { accountabilityProjection } from '../../../apps/projector/src/projections/accountability/accountability.projection.js';

const current: Projection = accountabilityProjection;
const windowQuarters = RETIRED_READ_MODELS.windowQuarters;

const violationsOf = (unit: unknown): readonly Violation[] =>
  (unit as { violations?: readonly Violation[] } | undefined)?.violations ?? [];

/** Version 3's ledger deltas: the violations naming a window, out of and into its quarter. */
function ledgerChanges(before: readonly Violation[], after: readonly Violation[]): SharedDelta[] {
  const key = (v: Violation): string | undefined =>
    v.windowId === undefined ? undefined : `${v.windowId}|${quarterOf(v.detectedAt)}`;
  const change = (v: Violation, remove: Violation[], add: Violation[]): SharedDelta => ({
    collection: windowQuarters,
    id: key(v)!,
    initial: { windowId: v.windowId, quarter: quarterOf(v.detectedAt), violations: [] },
    items: {
      field: 'violations',
      key: 'violationId',
      remove: remove.map((x) => ({ ...x })),
      add: add.map((x) => ({ ...x })),
    },
  });
  const afterById = new Map(after.map((v) => [v.violationId, v]));
  const beforeById = new Map(before.map((v) => [v.violationId, v]));
  const out: SharedDelta[] = [];
  for (const v of before)
    if (key(v) !== undefined && !afterById.has(v.violationId)) out.push(change(v, [v], []));
  for (const v of after) {
    const was = beforeById.get(v.violationId);
    if (key(v) !== undefined && (!was || JSON.stringify(was) !== JSON.stringify(v)))
      out.push(change(v, was ? [was] : [], [v]));
  }
  return out;
}

export const accountabilityVersion3: Projection = {
  ...current,
  version: 3,
  retiredCollections: [],
  collections: [
    { name: READ_MODELS.accountabilityCases, indexes: [] },
    { name: windowQuarters, indexes: [{ key: { windowId: 1, quarter: 1 } }] },
  ],
  apply(unit, event, context) {
    const step = current.apply(unit, event, context);
    return { unit: step.unit, shared: ledgerChanges(violationsOf(unit), violationsOf(step.unit)) };
  },
};
