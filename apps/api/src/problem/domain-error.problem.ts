import type { DomainError, DomainErrorCategory } from '#domain/errors/domain-error.js';
import { problem, type FieldError, type ProblemDetails } from './problem-details.js';

/** The lead's mapping of refusal categories to statuses (rule → 422: the request was understood). */
export const STATUS_OF_CATEGORY: Record<DomainErrorCategory, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

/** A domain refusal (or an administration one, which has the same shape plus `errors`) as a problem. */
export function problemOfDomainError(
  error: Omit<DomainError, 'code'> & { readonly code: string; readonly errors?: readonly FieldError[] },
): ProblemDetails {
  const errors =
    error.errors && error.errors.length > 0
      ? error.errors
      : error.field !== undefined
        ? [{ field: error.field, message: error.detail }]
        : undefined;
  return problem(STATUS_OF_CATEGORY[error.category], error.code, error.title, error.detail, errors);
}
