/**
 * I1 for audit exports and command answers: an event's data as a reader may see it. The applicant
 * (InquiryRegistered) and the complainant (ComplaintReceived) are masked for everyone but auditors.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { Applicant } from '#domain/case/case-events.js';
import type { Complainant } from '#domain/complaint/complaint-events.js';
import { maskApplicant } from '#domain/privacy/mask-applicant.js';
import { maskComplainant } from '#domain/privacy/mask-complainant.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export const seesPersonalData = (reader: Actor): boolean => reader.role === 'auditor';

export function dataAsSeenBy(event: RecordedEvent, reader: Actor): unknown {
  const data = event.data as { applicant?: Applicant; complainant?: Complainant } | null;
  if (seesPersonalData(reader) || data === null || typeof data !== 'object') return event.data;
  if (data.applicant === undefined && data.complainant === undefined) return event.data;
  return {
    ...data,
    ...(data.applicant !== undefined && { applicant: maskApplicant(data.applicant) }),
    ...(data.complainant !== undefined && { complainant: maskComplainant(data.complainant) }),
  };
}
