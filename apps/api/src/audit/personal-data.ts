/**
 * I1 for audit exports: an event's data as a reader may see it. Applicant identifiers (the
 * applicant of InquiryRegistered) are masked for everyone but auditors.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { Applicant } from '#domain/case/case-events.js';
import { maskApplicant } from '#domain/privacy/mask-applicant.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export const seesPersonalData = (reader: Actor): boolean => reader.role === 'auditor';

export function dataAsSeenBy(event: RecordedEvent, reader: Actor): unknown {
  const data = event.data as { applicant?: Applicant } | null;
  if (seesPersonalData(reader) || data === null || typeof data !== 'object' || data.applicant === undefined)
    return event.data;
  return { ...data, applicant: maskApplicant(data.applicant) };
}
