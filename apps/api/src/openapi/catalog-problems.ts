/**
 * OpenAPI problems taken from the domain's refusal catalog (refusal-catalog.ts): status from the
 * code's category, title from the catalog, so a route's documentation cannot drift from what it
 * answers; the route gives only an example detail.
 */
import type { DomainErrorCode } from '#domain/errors/domain-error.js';

import { REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';
import { STATUS_OF_CATEGORY } from '../problem/domain-error.problem.js';
import { documentedProblem, type DocumentedProblem } from './problem-responses.js';

export function catalogProblem(code: DomainErrorCode, detail: string): DocumentedProblem {
  return documentedProblem(STATUS_OF_CATEGORY[REFUSAL_CATALOG[code].category], code, detail);
}
