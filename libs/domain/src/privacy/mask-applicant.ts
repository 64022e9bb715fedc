import type { Applicant } from '../case/case-events.js';

/** I2: what an erased identifier reads as, everywhere and for everyone; masking leaves it alone. */
export const ERASED_IDENTIFIER = '[已删除]';

/**
 * I1: a masked identifier never shows more than its first 3 and last 4 characters, nor more than
 * a third of its characters (rounded down), shared between its start and its end.
 */
export function maskIdentifier(value: string): string {
  if (value === ERASED_IDENTIFIER) return value;
  const chars = [...value];
  const shown = Math.min(7, Math.floor(chars.length / 3));
  const tail = Math.min(4, Math.ceil(shown / 2));
  const head = Math.min(3, shown - tail);
  return `${chars.slice(0, head).join('')}${'*'.repeat(chars.length - head - tail)}${tail > 0 ? chars.slice(-tail).join('') : ''}`;
}

export const maskIdNumber = maskIdentifier;
export const maskPhone = maskIdentifier;

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
