/**
 * Documents of the accountability read model (A1, A2): per case, its violations with evidence and
 * the domain's detection state they were found with (`accountability_cases`); one document per violation
 * (`accountability_violations`), with plain indexed fields, from which GET /views/accountability
 * and GET /views/rankings compute a window's ledger and score with the domain's `windowLedger`.
 */
import type { IndexDescription } from 'mongodb';
import {
  detectionStep,
  initialDetectionState,
  type DetectionState,
  type RecordedCaseEvent,
} from '#domain/accountability/detection-step.js';
import { initialState } from '#domain/case/case-state.js';
import { evolve } from '#domain/case/evolve.js';
import type { RecordedComplaintEvent } from '#domain/complaint/complaint-violations.js';
import type { Violation } from '#domain/accountability/violation.js';
import { quarterOf } from '#domain/accountability/window-ledger.js';
import { parseInstant } from '#domain/calendar/index.js';
import type { Position } from '../../event-store/event-store.port.js';
import { nonNullFields } from '../../objects/present-fields.js';
import { plainOrLegacyJson } from './json-field.js';

export interface AccountabilityCaseDocument {
  /** The case id; `complaint-<id>` for a complaint without a case (P1, P3: complaint-stream.ts `complaintUnitId`). */
  _id: string;
  _position: Position;
  /** Empty for a complaint without a case. */
  caseId: string;
  /**
   * A case's: what the domain's `detectionStep` keeps between events (A1; detection-state.ts), in
   * place of the events themselves (accountability 4 kept them all): a few folded fields, the first
   * ids the rules cite, cards, revocations, complaints, evaluations, step flags and the violations
   * found so far. Grows with those, not with the case's other events.
   */
  detection?: DetectionState;
  /** R1: a case's center, as its first event names it (null when it does not). */
  centerId?: string | null;
  /** P3: a complaint without a case, its id. */
  complaintId?: string;
  /**
   * P3: the receipt and conclusion of a complaint without a case, as `detectComplaintViolations`
   * reads them; the receipt without the complainant and the content (I1: the read model needs neither).
   */
  complaintEvents?: RecordedComplaintEvent[];
  violations: Violation[];
}

/**
 * One violation (A1) in `accountability_violations`, `_id` its `violationId` (the code and the id of
 * the event proving it last: the same on every replay). Optional fields of the violation are null
 * when absent, so a changed violation is one `$set`.
 */
export interface ViolationDocument {
  _id: string;
  _position: Position;
  code: Violation['code'];
  rule: Violation['rule'];
  /** Empty for a complaint without a case (P1), which names `complaintId`. */
  caseId: string;
  complaintId: string | null;
  staffId: string | null;
  staffName: string | null;
  windowId: string | null;
  departmentId: string | null;
  /**
   * R1: the center of the case (its first event) or of the complaint without a case (its receipt);
   * null when the stream does not say (a complaint without a case naming a case: the API reads that
   * case's center from the event store, apps/api/src/views/case-scope.ts).
   */
  centerId: string | null;
  detectedAt: string;
  detectedAtMs: number;
  /** A2: the quarter (Asia/Shanghai) of `detectedAt`, `2025Q4`: the ledger it counts in. */
  quarter: string;
  evidence: string[];
  /**
   * Whether the case's events still prove it: false once they no longer do (a card revoked, C4).
   * The document stays, with the position that withdrew it, so a replay cannot bring it back.
   */
  counted: boolean;
}

/**
 * The indexes of `accountability_violations`, each ending in `_id` for the keyset tie-break: a
 * window's quarter in time order (the ledger, the rankings), a center's (R1: supervisors read their
 * own) and a staff member's and department's violations over time; the code narrows within them.
 * Partial on `counted`: a withdrawn violation counts nowhere.
 */
export const VIOLATION_INDEXES: readonly IndexDescription[] = [
  {
    name: 'window_quarter',
    key: { windowId: 1, quarter: 1, detectedAtMs: 1, _id: 1 },
    partialFilterExpression: { counted: true },
  },
  { name: 'center_detected', key: { centerId: 1, detectedAtMs: 1, _id: 1 } },
  { name: 'department_detected', key: { departmentId: 1, detectedAtMs: 1, _id: 1 } },
  { name: 'staff_detected', key: { staffId: 1, detectedAtMs: 1, _id: 1 } },
];

/** The fields of a violation's document (without `_id` and `_position`), counted or withdrawn. */
export function violationFields(
  v: Violation,
  centerId: string | null,
  counted: boolean,
): Omit<ViolationDocument, '_id' | '_position'> {
  return {
    code: v.code,
    rule: v.rule,
    caseId: v.caseId,
    complaintId: v.complaintId ?? null,
    staffId: v.staffId ?? null,
    staffName: v.staffName ?? null,
    windowId: v.windowId ?? null,
    departmentId: v.departmentId ?? null,
    centerId,
    detectedAt: v.detectedAt,
    detectedAtMs: parseInstant(v.detectedAt),
    quarter: quarterOf(v.detectedAt),
    evidence: [...v.evidence],
    counted,
  };
}

/** The violation a document stands for, as the domain's `windowLedger` reads it. */
export function violationOf(d: Omit<ViolationDocument, '_position'>): Violation {
  return {
    violationId: d._id,
    code: d.code,
    rule: d.rule,
    caseId: d.caseId,
    ...nonNullFields(d, ['complaintId', 'staffId', 'staffName', 'windowId', 'departmentId']),
    detectedAt: d.detectedAt,
    evidence: d.evidence,
  };
}

/**
 * As stored. A store built by accountability 4 or older holds a case's events instead of its
 * detection state (`events`; `eventsJson` by accountability 1, json-field.ts), until the version
 * rebuild swaps in.
 */
export type StoredAccountabilityCaseDocument = AccountabilityCaseDocument & {
  events?: RecordedCaseEvent[];
  eventsJson?: string;
};

/** Stored as built (the runner adds `_position`). */
export const encodeAccountabilityCase = (
  doc: Omit<AccountabilityCaseDocument, '_position'>,
): Omit<StoredAccountabilityCaseDocument, '_position'> => doc;

/** A document as the projection folds on: an older version's case events folded into the state. */
export function decodeAccountabilityCase(
  stored: StoredAccountabilityCaseDocument,
): AccountabilityCaseDocument {
  const { events, eventsJson, ...rest } = stored;
  if (rest.detection !== undefined || rest.complaintId !== undefined) return rest;
  const legacy = plainOrLegacyJson(events, eventsJson, 'events');
  const first = legacy[0];
  return {
    ...rest,
    detection: legacy.reduce(detectionStep, initialDetectionState),
    centerId: first ? (evolve(initialState, first).centerId ?? null) : null,
  };
}
