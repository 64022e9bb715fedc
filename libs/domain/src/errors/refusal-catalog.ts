/**
 * The refusal catalog: for every code a refusal of the domain can carry (DomainErrorCode and the
 * administration codes), its category, its Chinese title, the rule in Chinese and English, and how to fix the
 * request. The one source of each code's title: the deciders' refusals carry the same title (a
 * spec checks every call site), the API answers it, and GET /problems/{code} prints the page.
 */
import type { AdministrationErrorCode } from '../administration/administration-error.js';
import { CASE_REFUSALS } from './case-refusals.js';
import type { DomainRefusalEntry } from './refusal-entry.js';
import { STEP_REFUSAL_PAGES } from './step-refusal-pages.js';
import { SUPERVISION_REFUSALS } from './supervision-refusals.js';

export type RefusalCatalog = Readonly<Record<AdministrationErrorCode, DomainRefusalEntry>>;

export const REFUSAL_CATALOG: RefusalCatalog = {
  ...CASE_REFUSALS,
  ...SUPERVISION_REFUSALS,
  ...STEP_REFUSAL_PAGES,
};

export function isCatalogued(code: string): code is AdministrationErrorCode {
  return Object.prototype.hasOwnProperty.call(REFUSAL_CATALOG, code);
}
