/**
 * P3 for complaints without a case (P1): the accountability unit of `complaint-<id>`, from which
 * the domain's `detectComplaintViolations` finds `COMPLAINT_SUBSTANTIATED` against the window (and
 * the staff member and department named with it), exactly as a substantiated case complaint counts
 * in the window's quarter (A2). Pure; the projection routes the complaint streams' events here.
 */
import type { Violation } from '#domain/accountability/violation.js';
import {
  detectComplaintViolations,
  type RecordedComplaintEvent,
} from '#domain/complaint/complaint-violations.js';
import { complaintUnitId, toComplaintEvent } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import type { AccountabilityCaseDocument } from '#infra/read-store/documents/accountability-documents.js';

type Unit = Omit<AccountabilityCaseDocument, '_position'>;

/** The events P3 reads: the receipt (who is complained about) and the conclusion (substantiated?). */
const READ = new Set(['ComplaintReceived', 'ComplaintConclusionRecorded']);

/** I1: the receipt as kept in the read model, without the complainant and the content. */
function kept(event: RecordedComplaintEvent): RecordedComplaintEvent {
  if (event.type !== 'ComplaintReceived') return event;
  const { complainant: _complainant, ...data } = event.data;
  return { ...event, data: { ...data, content: '' } };
}

/** The unit of complaint `complaintId` after `event`, with the violations it now proves. */
export function applyComplaintAccountability(
  before: Unit | undefined,
  complaintId: string,
  event: RecordedEvent,
): Unit {
  const previous = before?.complaintEvents ?? [];
  const complaintEvents = READ.has(event.type) ? [...previous, kept(toComplaintEvent(event))] : previous;
  return {
    _id: complaintUnitId(complaintId),
    caseId: '',
    complaintId,
    complaintEvents,
    violations: detectComplaintViolations(complaintEvents),
  };
}

/**
 * R1: the center a violation of this complaint is read in, as apps/api/src/views/case-scope.ts
 * judges it: the receipt's for a violation naming no case; null (the API looks the case up) for one
 * naming the case the complaint is about.
 */
export function complaintCenterOf(unit: Unit): (v: Violation) => string | null {
  const receipt = unit.complaintEvents?.find((e) => e.type === 'ComplaintReceived');
  const centerId = receipt?.type === 'ComplaintReceived' ? receipt.data.centerId : null;
  return (v) => (v.caseId === '' ? centerId : null);
}
