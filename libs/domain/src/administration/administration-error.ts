/**
 * A refusal of an administration command. It has the shape of a `DomainError`, so the edge maps it
 * the same way, plus every problem found (a holiday notice may have several wrong dates at once,
 * and an administrator should fix them in one go). Its codes include the calendar's own rule
 * codes (T1_…, T2_…) and C7's.
 */
import type {
  OfficeHoursProblem,
  OfficeHoursProblemCode,
  YearNoticeProblem,
  YearNoticeProblemCode,
} from '../calendar/index.js';
import type { DomainError, DomainErrorCode } from '../errors/domain-error.js';
import { REFUSAL_CATALOG } from '../errors/refusal-catalog.js';

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

/**
 * An administration refusal in one line: category and title from the refusal catalog
 * (errors/refusal-catalog.ts), the detail in English, and every problem found.
 */
export function refuseAdministration(
  code: AdministrationErrorCode,
  detail: string,
  errors: readonly { readonly field: string; readonly message: string }[] = [],
): AdministrationError {
  const entry = REFUSAL_CATALOG[code];
  return administrationError(code, entry.category, entry.title, detail, errors);
}

/**
 * T1, T2: the calendar's problems with office hours or a holiday notice, refused at once so the
 * administrator fixes them in one go. The first problem's code names the catalog entry: a value of
 * the wrong shape is invalid, a wrong date or period breaks the rule. `problems` is never empty.
 */
export function refuseCalendarProblems(
  invalid: string,
  problems: readonly (OfficeHoursProblem | YearNoticeProblem)[],
  fieldOf: (path: string) => string,
): AdministrationError {
  return refuseAdministration(
    problems[0]!.code,
    `${invalid}: ${problems.map((p) => p.message).join('; ')}.`,
    problems.map((p) => ({ field: fieldOf(p.path), message: p.message })),
  );
}

/** Configuration is kept by admins only (DOMAIN.md "Who uses it"). */
export function requireRole(
  actor: { readonly role: string },
  allowed: readonly string[],
  what: string,
): AdministrationError | undefined {
  if (allowed.includes(actor.role)) return undefined;
  return refuseAdministration(
    'ROLE_NOT_ALLOWED',
    `Role '${actor.role}' may not ${what}; allowed: ${allowed.join(', ')}.`,
  );
}
