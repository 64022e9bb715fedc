/**
 * A refusal of an administration command. It has the shape of a `DomainError`, so the edge maps it
 * the same way, plus every problem found (a holiday notice may have several wrong dates at once,
 * and an administrator should fix them in one go). Its codes include the calendar's own rule
 * codes (T1_…, T2_…) and C7's.
 */
import type { OfficeHoursProblemCode, YearNoticeProblemCode } from '../calendar/index.js';
import type { DomainError, DomainErrorCode } from '../errors/domain-error.js';

export type AdministrationErrorCode =
  DomainErrorCode | YearNoticeProblemCode | OfficeHoursProblemCode | 'C7_POLICY_VERSION_EXISTS';

export interface AdministrationError extends Omit<DomainError, 'code'> {
  readonly code: AdministrationErrorCode;
  readonly errors: readonly { readonly field: string; readonly message: string }[];
}

export function administrationError(
  code: AdministrationErrorCode,
  category: DomainError['category'],
  title: string,
  detail: string,
  errors: readonly { readonly field: string; readonly message: string }[] = [],
): AdministrationError {
  return {
    kind: 'DomainError',
    code,
    category,
    title,
    detail,
    ...(errors[0] !== undefined && { field: errors[0].field }),
    errors,
  };
}

/** Configuration is kept by admins only (DOMAIN.md "Who uses it"). */
export function requireRole(
  actor: { readonly role: string },
  allowed: readonly string[],
  what: string,
): AdministrationError | undefined {
  if (allowed.includes(actor.role)) return undefined;
  return administrationError(
    'ROLE_NOT_ALLOWED',
    'forbidden',
    '无权执行该操作',
    `Role '${actor.role}' may not ${what}; allowed: ${allowed.join(', ')}.`,
  );
}
