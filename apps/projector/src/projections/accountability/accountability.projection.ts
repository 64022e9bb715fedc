/**
 * The accountability projection (DESIGN.md "Read models", A1, A2): per case, the violations the
 * domain's `detectionStep` finds event by event, with their evidence, and the detection state it
 * steps on from (`accountability_cases`: never the case's events);
 * one document per violation (`accountability_violations`), written when the violation appears or
 * changes and withdrawn (`counted: false`) when the events no longer prove it (C4), from which the
 * API computes a window's ledger and score with the domain's `windowLedger`. A complaint without a
 * case (`complaint-<id>`, P1) is a unit of its own whose substantiated conclusion counts against the
 * window as a case complaint's does (P3, complaint-accountability.ts).
 */
import { detectionStep, initialDetectionState, violationsOf } from '#domain/accountability/detection-step.js';
import type { Violation } from '#domain/accountability/violation.js';
import { initialState } from '#domain/case/case-state.js';
import {
  decodeAccountabilityCase,
  encodeAccountabilityCase,
  VIOLATION_INDEXES,
  violationFields,
  type AccountabilityCaseDocument,
  type StoredAccountabilityCaseDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import { READ_MODELS, RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { NO_CONTEXT, type Built, type Projection, type SharedDelta } from '../../projection/projection.js';
import { CASE_OR_COMPLAINT_ROUTING, type CaseOrComplaintInput } from '../case-stream/case-or-complaint.js';
import { evolveCase } from '../case-stream/recorded-case-event.js';
import { applyComplaintAccountability, complaintCenterOf } from './complaint-accountability.js';

export const ACCOUNTABILITY_PROJECTION = 'accountability';

export const accountabilityProjection: Projection<
  null,
  Built<AccountabilityCaseDocument>,
  Built<StoredAccountabilityCaseDocument>,
  CaseOrComplaintInput
> = {
  name: ACCOUNTABILITY_PROJECTION,
  // 2: complaints without a case count (P3, issue 14).
  // 3 (issue 19): the events plain subdocuments (no `eventsJson`); ledgers kept with `$pullAll`/`$push`.
  // 4 (issue 19): one document per violation (`accountability_violations`), no window-quarter documents.
  // 5 (issue 19): the detection state (`detection`, `centerId`) in place of the case's events.
  version: 5,
  unitCollection: READ_MODELS.accountabilityCases,
  unitCodec: { encode: encodeAccountabilityCase, decode: decodeAccountabilityCase },
  collections: [
    { name: READ_MODELS.accountabilityCases, indexes: [] },
    { name: READ_MODELS.accountabilityViolations, indexes: VIOLATION_INDEXES },
  ],
  retiredCollections: [RETIRED_READ_MODELS.windowQuarters],
  ...NO_CONTEXT,
  // A case stream's event, or a complaint stream's (P3).
  ...CASE_OR_COMPLAINT_ROUTING,

  apply(unit, input) {
    const before = unit?.violations ?? [];
    if (input.stream === 'complaint') {
      const next = applyComplaintAccountability(unit, input.complaintId, input.recorded);
      const center = complaintCenterOf(next);
      return { unit: next, shared: violationChanges(before, next.violations, center) };
    }
    const { caseId, event: recorded } = input;
    // An event evolve cannot read (an unknown type, a malformed instant) is refused here, and parked,
    // as when the detector folded with evolve.
    const folded = evolveCase(initialState, recorded);
    const detection = detectionStep(unit?.detection ?? initialDetectionState, recorded);
    const violations = violationsOf(detection);
    // R1: the case's center is its first event's (as apps/api/src/views/case-scope.ts reads it).
    const centerId = unit?.detection !== undefined ? (unit.centerId ?? null) : (folded.centerId ?? null);
    const next: Built<AccountabilityCaseDocument> = { _id: caseId, caseId, detection, centerId, violations };
    return {
      unit: next,
      shared: violationChanges(before, violations, (v) => (v.caseId === caseId ? centerId : null)),
    };
  },
};

const same = (a: Violation, b: Violation): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * A1, A2: the documents of the violations that appeared or changed (`counted`), and of those the
 * events no longer prove (withdrawn), each one `$set` guarded by position (projection.ts).
 */
function violationChanges(
  before: readonly Violation[],
  after: readonly Violation[],
  centerOf: (v: Violation) => string | null,
): SharedDelta[] {
  const afterById = new Map(after.map((v) => [v.violationId, v]));
  const beforeById = new Map(before.map((v) => [v.violationId, v]));
  const changes: SharedDelta[] = [];
  for (const v of before)
    if (!afterById.has(v.violationId)) changes.push(violationChange(v, centerOf, false));
  for (const v of after) {
    const was = beforeById.get(v.violationId);
    if (!was || !same(was, v)) changes.push(violationChange(v, centerOf, true));
  }
  return changes;
}

function violationChange(
  v: Violation,
  centerOf: (v: Violation) => string | null,
  counted: boolean,
): SharedDelta {
  return {
    collection: READ_MODELS.accountabilityViolations,
    id: v.violationId,
    initial: {},
    set: violationFields(v, centerOf(v), counted),
  };
}
