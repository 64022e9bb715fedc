/**
 * P3 for complaints without a case (P1): the accountability unit of `complaint-<id>`, from which
 * the domain's `detectComplaintViolations` finds `COMPLAINT_SUBSTANTIATED` against the window (and
 * the staff member and department named with it), exactly as a substantiated case complaint counts
 * in the window's quarter (A2). Pure; the projection routes the complaint streams' events here.
 */
import {
  detectComplaintViolations,
  type RecordedComplaintEvent,
} from '#domain/complaint/complaint-violations.js';
import { toComplaintEvent } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  complaintAccountabilityId,
  type AccountabilityCaseDocument,
} from '#infra/read-store/documents/accountability-documents.js';

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
  before: Omit<AccountabilityCaseDocument, '_position'> | undefined,
  complaintId: string,
  event: RecordedEvent,
): Omit<AccountabilityCaseDocument, '_position'> {
  const previous = before?.complaintEvents ?? [];
  const complaintEvents = READ.has(event.type) ? [...previous, kept(toComplaintEvent(event))] : previous;
  return {
    _id: complaintAccountabilityId(complaintId),
    caseId: '',
    events: [],
    complaintId,
    complaintEvents,
    violations: detectComplaintViolations(complaintEvents),
  };
}
