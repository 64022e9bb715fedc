/**
 * A refusal of the domain. `code` names the rule broken (a DOMAIN.md id) or the generic reason;
 * `title` is Chinese for the applicant-facing screen, `detail` English for developers.
 * `category` lets the edge choose a status without the domain knowing HTTP.
 */
import type { ALSO_TITLED } from './also-titled.js';
import { REFUSAL_CATALOG } from './refusal-catalog.js';
import type { CatalogedRefusalCode } from './step-refusals.js';

/** A title a shared code is refused with besides its own (the catalog's `alsoTitled`). */
export type AlsoTitle = (typeof ALSO_TITLED)[keyof typeof ALSO_TITLED];

export type DomainErrorCategory = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

export interface DomainError {
  readonly kind: 'DomainError';
  readonly code: DomainErrorCode;
  readonly category: DomainErrorCategory;
  readonly title: string;
  readonly detail: string;
  readonly field?: string;
}

export type DomainErrorCode =
  | 'ILLEGAL_TRANSITION'
  | 'CASE_NOT_FOUND'
  | 'CASE_ALREADY_EXISTS'
  | 'ROLE_NOT_ALLOWED'
  | 'OUT_OF_SCOPE'
  | 'VALIDATION_FAILED'
  | 'MATTER_NOT_FOUND'
  | 'F1_NOT_FIRST_RESPONDER'
  | 'F2_REFERRAL_WITHOUT_HANDLER'
  | 'F2_REFERRAL_ALREADY_MADE'
  | 'N1_NOTICE_WITHOUT_ITEMS'
  | 'N3_REPEATED_NOTICE'
  | 'N4_REJECTION_WITHOUT_REASON'
  | 'N4_COMPETENT_AUTHORITY_REQUIRED'
  | 'N5_RECEIPT_NUMBER_REQUIRED'
  | 'T2_YEAR_INVALID'
  | 'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY'
  | 'T5_LIMIT_INVALID'
  | 'T14_OUT_OF_BOUNDS'
  | 'T6_SUSPENSION_INCOMPLETE'
  | 'T6_SUSPENSION_NOT_FOUND'
  | 'T6_NOTIFIED_BEFORE_RECEIPT'
  | 'T7_SECOND_EXTENSION'
  | 'T7_EXTENSION_AFTER_DEADLINE'
  | 'T7_EXTENSION_TOO_LONG'
  | 'T7_EXTENSION_INCOMPLETE'
  | 'T7_NOT_EXTENDABLE'
  | 'U2_LATE_ENTRY_REASON_REQUIRED'
  | 'U2_OCCURRED_IN_FUTURE'
  | 'U2_OCCURRED_BEFORE_PREVIOUS_STEP'
  | 'C4_CARD_NOT_FOUND'
  | 'C4_CARD_ALREADY_REVOKED'
  | 'C4_REVOCATION_REASON_REQUIRED'
  | 'C5_EXPLANATION_WRONG_DEPARTMENT'
  | 'C5_EXPLANATION_ALREADY_GIVEN'
  | 'C5_EXPLANATION_NOT_NEEDED'
  | 'P1_COMPLAINT_INCOMPLETE'
  | 'P2_COMPLAINT_NOT_FOUND'
  | 'P2_COMPLAINT_ALREADY_CONCLUDED'
  | 'P4_SCORE_OUT_OF_RANGE'
  | 'P4_EVALUATION_NOT_FOUND'
  | 'P4_RECTIFICATION_NOT_NEEDED'
  | 'P4_ALREADY_RECTIFIED'
  | 'A3_VIOLATION_NOT_FOUND'
  | 'A3_ACTION_INCOMPLETE'
  | CatalogedRefusalCode;

export { STEP_REFUSALS, type CatalogedRefusalCode } from './step-refusals.js';

/**
 * A refusal in one line: category and title from the refusal catalog (refusal-catalog.ts), the
 * detail in English. `as` picks one of the code's other catalogued titles (ALSO_TITLED), where one
 * code is shared by several things (a complaint or an action that exists is CASE_ALREADY_EXISTS).
 */
export function refuse(code: DomainErrorCode, detail: string, field?: string, as?: AlsoTitle): DomainError {
  const entry = REFUSAL_CATALOG[code];
  return domainError(code, entry.category, as ?? entry.title, detail, field);
}

export function domainError(
  code: DomainErrorCode,
  category: DomainErrorCategory,
  title: string,
  detail: string,
  field?: string,
): DomainError {
  return field === undefined
    ? { kind: 'DomainError', code, category, title, detail }
    : { kind: 'DomainError', code, category, title, detail, field };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}
