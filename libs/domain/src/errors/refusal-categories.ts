/**
 * The category of every refusal code of a case step (the edge turns it into a status: rule → 422).
 * A refusal of a rule is the default; the others are named here, and the statutory-step refusals
 * carry theirs in STEP_REFUSALS. With the catalog's title, a route's documented problems are taken
 * from the domain alone (apps/api/src/openapi/catalog-problems.ts).
 */
import { STEP_REFUSALS, type DomainErrorCategory, type DomainErrorCode } from './domain-error.js';

const NOT_A_RULE: Partial<Record<DomainErrorCode, DomainErrorCategory>> = {
  ILLEGAL_TRANSITION: 'conflict',
  CASE_ALREADY_EXISTS: 'conflict',
  CASE_NOT_FOUND: 'not_found',
  ROLE_NOT_ALLOWED: 'forbidden',
  OUT_OF_SCOPE: 'forbidden',
  VALIDATION_FAILED: 'invalid',
  F1_NOT_FIRST_RESPONDER: 'forbidden',
  C4_CARD_NOT_FOUND: 'not_found',
  P2_COMPLAINT_NOT_FOUND: 'not_found',
  P4_EVALUATION_NOT_FOUND: 'not_found',
  A3_VIOLATION_NOT_FOUND: 'not_found',
};

const isStepRefusal = (code: DomainErrorCode): code is keyof typeof STEP_REFUSALS =>
  Object.prototype.hasOwnProperty.call(STEP_REFUSALS, code);

export function categoryOf(code: DomainErrorCode): DomainErrorCategory {
  return isStepRefusal(code) ? STEP_REFUSALS[code].category : (NOT_A_RULE[code] ?? 'rule');
}
