import type { Applicant } from '../case/case-events.js';

/** I2: what an erased identifier reads as, everywhere and for everyone; masking leaves it alone. */
export const ERASED_IDENTIFIER = '[已删除]';

/** I1: keep the first and last characters that identify nothing alone; hide the rest. */
export function maskIdNumber(id: string): string {
  if (id === ERASED_IDENTIFIER) return id;
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7 > 0 ? id.length - 7 : 1)}${id.slice(-4)}`;
}

export function maskPhone(phone: string): string {
  if (phone === ERASED_IDENTIFIER) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** I1: masks a person's name to the family name; a company's name is public. */
export function maskName(applicant: Applicant): string {
  if (applicant.kind === 'company') return applicant.name;
  const chars = [...applicant.name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** I1: the applicant as every view but the auditors' shows it. */
export function maskApplicant(applicant: Applicant): Applicant {
  return {
    kind: applicant.kind,
    name: maskName(applicant),
    ...(applicant.idNumber !== undefined && { idNumber: maskIdNumber(applicant.idNumber) }),
    ...(applicant.phone !== undefined && { phone: maskPhone(applicant.phone) }),
  };
}

/** I2: the applicant once the case's personal data is erased. */
export function eraseIdentifiers(applicant: Applicant): Applicant {
  return {
    ...applicant,
    ...(applicant.idNumber !== undefined && { idNumber: ERASED_IDENTIFIER }),
    ...(applicant.phone !== undefined && { phone: ERASED_IDENTIFIER }),
  };
}
