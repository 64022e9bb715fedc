/**
 * The accountability projection (DESIGN.md "Read models", A1, A2): per case, the violations the
 * domain's `detectViolations` finds in its events, with their evidence (`accountability_cases`);
 * per window and quarter, the violations that count against it (`accountability`), from which the
 * API computes the ledger and score with the domain's `windowLedger`. A complaint without a case
 * (`complaint-<id>`, P1) is a unit of its own whose substantiated conclusion counts against the
 * window as a case complaint's does (P3, complaint-accountability.ts).
 */
import { detectViolations, type RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import type { Violation } from '#domain/accountability/violation.js';
import { quarterOf } from '#domain/accountability/window-ledger.js';
import {
  decodeAccountabilityCase,
  encodeAccountabilityCase,
  windowQuarterId,
  type AccountabilityCaseDocument,
  type StoredAccountabilityCaseDocument,
  type WindowQuarterDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Built, KeyedItem, Projection, SharedDelta } from '../../projection/projection.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import { complaintIdOf } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { complaintAccountabilityId } from '#infra/read-store/documents/accountability-documents.js';
import { applyComplaintAccountability } from './complaint-accountability.js';
import { decodeCaseEnvelope, evolveCase, type CaseEnvelope } from '../case-stream/recorded-case-event.js';
import { initialState } from '#domain/case/case-state.js';

export const ACCOUNTABILITY_PROJECTION = 'accountability';

/** A case stream's event, or a complaint stream's (P3), as `apply` reads it. */
type AccountabilityInput =
  | ({ readonly stream: 'case' } & CaseEnvelope)
  | { readonly stream: 'complaint'; readonly complaintId: string; readonly recorded: RecordedEvent };

export const accountabilityProjection: Projection<
  null,
  Built<AccountabilityCaseDocument>,
  Built<StoredAccountabilityCaseDocument>,
  AccountabilityInput
> = {
  name: ACCOUNTABILITY_PROJECTION,
  // 2: complaints without a case count (P3, issue 14).
  // 3 (issue 19): the events plain subdocuments (no `eventsJson`); ledgers kept with `$pullAll`/`$push`.
  version: 3,
  unitCollection: READ_MODELS.accountabilityCases,
  unitCodec: { encode: encodeAccountabilityCase, decode: decodeAccountabilityCase },
  collections: [
    { name: READ_MODELS.accountabilityCases, indexes: [] },
    { name: READ_MODELS.accountability, indexes: [{ key: { windowId: 1, quarter: 1 } }] },
  ],
  initialContext: null,
  reduceContext: () => null,
  unitOf(event: RecordedEvent) {
    const complaintId = complaintIdOf(event);
    return complaintId === undefined ? caseIdOf(event) : complaintAccountabilityId(complaintId);
  },
  decode(event: RecordedEvent): AccountabilityInput {
    const complaintId = complaintIdOf(event);
    return complaintId === undefined
      ? { stream: 'case', ...decodeCaseEnvelope(event) }
      : { stream: 'complaint', complaintId, recorded: event };
  },

  apply(unit, input) {
    const before = unit;
    if (input.stream === 'complaint') {
      const next = applyComplaintAccountability(before, input.complaintId, input.recorded);
      return { unit: next, shared: ledgerChanges(before?.violations ?? [], next.violations) };
    }
    const { caseId, event: recorded } = input;
    const events: RecordedCaseEvent[] = [...(before?.events ?? []), recorded];
    // The detector folds with evolve and trusts it: an event evolve cannot read (an unknown type, a
    // malformed instant) is refused here first, and parked.
    evolveCase(initialState, recorded);
    const violations = detectViolations(events);
    const next: Built<AccountabilityCaseDocument> = {
      _id: caseId,
      caseId,
      events,
      violations,
    };
    return {
      unit: next,
      shared: ledgerChanges(before?.violations ?? [], violations),
    };
  },
};

const ledgerKey = (v: Violation): string | undefined =>
  v.windowId === undefined ? undefined : windowQuarterId(v.windowId, quarterOf(v.detectedAt));

/**
 * A2: a window's quarter holds the violations that name the window; only those that changed are
 * touched, as deltas (the stored value out, the new one in: projection.ts `ItemsDelta`).
 */
function ledgerChanges(before: readonly Violation[], after: readonly Violation[]): SharedDelta[] {
  const same = (a: Violation, b: Violation): boolean => JSON.stringify(a) === JSON.stringify(b);
  const afterById = new Map(after.map((v) => [v.violationId, v]));
  const beforeById = new Map(before.map((v) => [v.violationId, v]));
  const changes: SharedDelta[] = [];
  for (const v of before) {
    const now = afterById.get(v.violationId);
    const key = ledgerKey(v);
    if (key !== undefined && (!now || ledgerKey(now) !== key)) changes.push(ledgerChange(key, v, [v], []));
  }
  for (const v of after) {
    const was = beforeById.get(v.violationId);
    const key = ledgerKey(v);
    if (key !== undefined && (!was || !same(was, v)))
      changes.push(ledgerChange(key, v, was && ledgerKey(was) === key ? [was] : [], [v]));
  }
  return changes;
}

function ledgerChange(
  id: string,
  violation: Violation,
  remove: readonly Violation[],
  add: readonly Violation[],
): SharedDelta {
  const initial: Omit<WindowQuarterDocument, '_id' | '_position'> = {
    windowId: violation.windowId!,
    quarter: quarterOf(violation.detectedAt),
    violations: [],
  };
  return {
    collection: READ_MODELS.accountability,
    id,
    initial,
    items: { field: 'violations', key: 'violationId', remove: remove.map(keyed), add: add.map(keyed) },
  };
}

const keyed = (v: Violation): KeyedItem => ({ ...v });
