import type { Complainant } from '../complaint/complaint-events.js';
import { maskName, maskPhone } from './mask-applicant.js';

/** I1: the complainant (P1) as every answer and view but the auditors' shows it, masked as a person is. */
export function maskComplainant(complainant: Complainant): Complainant {
  return {
    name: maskName({ kind: 'person', name: complainant.name }),
    ...(complainant.phone !== undefined && { phone: maskPhone(complainant.phone) }),
  };
}
