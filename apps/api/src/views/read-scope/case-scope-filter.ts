/**
 * R1 as a read-store filter: the one scope function every query over `case_views` applies (the
 * worklist, the overdue view, statistics), built from the domain's `visibleCases` (access/
 * read-scope.ts), the same matches `mayRead` judges a case by, so a list shows exactly the cases
 * the caller may open by id. A token lacking the claim its role's scope needs sees nothing (R1:
 * access fails closed), as does any role that reads no cases.
 */
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { CASE_FIELDS, visibleCases, type CaseField, type CaseMatch } from '#domain/access/read-scope.js';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';

export type CaseScope = { readonly sees: 'nothing' } | { readonly sees: Filter<StoredCaseViewDocument> };

export function caseScopeFilter(actor: Actor): CaseScope {
  const matches = visibleCases(actor);
  if (matches === 'all') return { sees: {} };
  if (matches.length === 0) return { sees: 'nothing' };
  // What every match asks alike (a window's center) stands once, outside the $or, where an index
  // on it serves the query.
  const first = matches[0]!;
  const shared = CASE_FIELDS.filter((f) => first[f] !== undefined && matches.every((m) => m[f] === first[f]));
  const fieldsOf = (m: CaseMatch, fields: readonly CaseField[]) =>
    Object.fromEntries(fields.filter((f) => m[f] !== undefined).map((f) => [f, m[f]]));
  const own = matches.map((m) =>
    fieldsOf(
      m,
      CASE_FIELDS.filter((f) => !shared.includes(f)),
    ),
  );
  // A match holding nothing beyond the shared fields takes in every other.
  if (own.some((o) => Object.keys(o).length === 0)) return { sees: fieldsOf(first, shared) };
  return { sees: { ...fieldsOf(first, shared), $or: own } };
}
