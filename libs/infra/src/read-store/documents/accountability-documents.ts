/**
 * Documents of the accountability read model (A1, A2): per case, its violations with evidence and
 * the events they were detected from (`accountability_cases`); per window and quarter, the
 * violations that count against it (`accountability`), from which GET /views/accountability
 * computes the score with the domain's `windowLedger`.
 */
import type { RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import type { RecordedComplaintEvent } from '#domain/complaint/complaint-violations.js';
import type { Violation } from '#domain/accountability/violation.js';
import type { Position } from '../../event-store/event-store.port.js';
import { plainOrLegacyJson } from './json-field.js';

export interface AccountabilityCaseDocument {
  /** The case id; `complaint-<id>` for a complaint without a case (P1, P3). */
  _id: string;
  _position: Position;
  /** Empty for a complaint without a case. */
  caseId: string;
  /** The case's events as the detector reads them (A1 needs all of them, in order). */
  events: RecordedCaseEvent[];
  /** P3: a complaint without a case, its id. */
  complaintId?: string;
  /**
   * P3: the receipt and conclusion of a complaint without a case, as `detectComplaintViolations`
   * reads them; the receipt without the complainant and the content (I1: the read model needs neither).
   */
  complaintEvents?: RecordedComplaintEvent[];
  violations: Violation[];
}

/** The unit id of a complaint without a case in `accountability_cases` (never a case id: the prefix). */
export const complaintAccountabilityId = (complaintId: string): string => `complaint-${complaintId}`;

export interface WindowQuarterDocument {
  /** `<windowId>|<quarter>` */
  _id: string;
  _position: Position;
  windowId: string;
  /** `2025Q4` */
  quarter: string;
  /** In no particular order (kept by `$pullAll` and `$push`; `windowLedger` sorts). */
  violations: Violation[];
}

export const windowQuarterId = (windowId: string, quarter: string): string => `${windowId}|${quarter}`;

/** As stored: the events as plain subdocuments; `eventsJson` in a store built by accountability 1 (json-field.ts). */
export type StoredAccountabilityCaseDocument = Omit<AccountabilityCaseDocument, 'events'> & {
  events?: RecordedCaseEvent[];
  eventsJson?: string;
};

/** Stored as built (the runner adds `_position`). */
export const encodeAccountabilityCase = (
  doc: Omit<AccountabilityCaseDocument, '_position'>,
): Omit<StoredAccountabilityCaseDocument, '_position'> => doc;

export function decodeAccountabilityCase(
  stored: StoredAccountabilityCaseDocument,
): AccountabilityCaseDocument {
  const { events, eventsJson, ...rest } = stored;
  return { ...rest, events: plainOrLegacyJson(events, eventsJson, 'events') };
}
