/**
 * I2 and I1 for GET /cases/{id} from the read model: read models hold only masked identifiers, so
 * an auditor's answer takes the applicant's identifiers from the case's registration as the event
 * store shows it (decrypted, or erased once erased). One event-store read, for auditors only.
 */
import type { Applicant } from '#domain/case/case-events.js';
import { caseStreamId } from '#infra/case-stream/case-stream.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';

export async function applicantForAuditor(
  store: EventStore,
  caseId: string,
  shown: Applicant | null,
): Promise<Applicant | null> {
  if (shown === null || (shown.idNumber === undefined && shown.phone === undefined)) return shown;
  const events = await store.readStream(caseStreamId(caseId));
  const registered = events.find((e) => e.type === 'InquiryRegistered');
  const applicant = (registered?.data as { applicant?: Applicant } | undefined)?.applicant;
  if (applicant === undefined) return shown;
  return {
    ...shown,
    ...(applicant.idNumber !== undefined && { idNumber: applicant.idNumber }),
    ...(applicant.phone !== undefined && { phone: applicant.phone }),
  };
}
