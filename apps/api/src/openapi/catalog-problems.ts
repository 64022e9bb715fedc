/**
 * OpenAPI problems taken from the domain's refusal catalog (STEP_REFUSALS): status from the
 * category, title from the catalog, so a route's documentation cannot drift from what it answers.
 */
import { STEP_REFUSALS, type CatalogedRefusalCode } from '#domain/errors/domain-error.js';
import { STATUS_OF_CATEGORY } from '../problem/domain-error.problem.js';
import { documentedProblem, type DocumentedProblem } from './problem-responses.js';

export function catalogProblem(code: CatalogedRefusalCode, detail: string): DocumentedProblem {
  const entry = STEP_REFUSALS[code];
  return documentedProblem(STATUS_OF_CATEGORY[entry.category], code, entry.title, detail);
}
