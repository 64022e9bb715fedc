/**
 * The routing the projections that read both case streams and the streams of complaints without a
 * case (P1) share (statistics, accountability): an event's unit (the case id, or `complaint-<id>`)
 * and the event as their `apply` reads it, a case's decoded and typed, a complaint's as recorded.
 */
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import { complaintIdOf, complaintUnitId } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { decodeCaseEnvelope, type CaseEnvelope } from './recorded-case-event.js';

/** A case stream's event, or a complaint stream's, as `apply` reads it. */
export type CaseOrComplaintInput =
  | ({ readonly stream: 'case' } & CaseEnvelope)
  | { readonly stream: 'complaint'; readonly complaintId: string; readonly recorded: RecordedEvent };

/** projection.ts `unitOf`: the case, or the complaint without a case; undefined for other streams. */
export function caseOrComplaintUnitOf(event: RecordedEvent): string | undefined {
  const complaintId = complaintIdOf(event);
  return complaintId === undefined ? caseIdOf(event) : complaintUnitId(complaintId);
}

/** projection.ts `decode`: throws on a case event that cannot be read (the runner parks it). */
export function decodeCaseOrComplaint(event: RecordedEvent): CaseOrComplaintInput {
  const complaintId = complaintIdOf(event);
  return complaintId === undefined
    ? { stream: 'case', ...decodeCaseEnvelope(event) }
    : { stream: 'complaint', complaintId, recorded: event };
}

/** Both, for a projection that reads case and complaint streams (`...CASE_OR_COMPLAINT_ROUTING`). */
export const CASE_OR_COMPLAINT_ROUTING = {
  unitOf: caseOrComplaintUnitOf,
  decode: decodeCaseOrComplaint,
} as const;
