/**
 * R1, in one place: what an actor may read, from the claims of its token. Every query and view
 * applies this (the case queries through `mayRead`, the case lists through the read-store query
 * built from `visibleCases`, other views by filtering with `caseInScope` or the scope's center and
 * department), so a new view needs one call, not a new rule.
 * A claim the role's scope needs and the token lacks grants nothing (fails closed).
 */
import type { Actor, Role } from '../actor/actor.js';

export type ReadScope =
  /** Auditors (纪检监察) read everything. */
  | { readonly kind: 'all' }
  /** Supervisors and guides: their center. */
  | { readonly kind: 'center'; readonly centerId: string }
  /** Window staff and approvers: their department, in their center. */
  | { readonly kind: 'department'; readonly centerId: string; readonly departmentId: string }
  /** A proxy (全程代办): the cases it submitted. */
  | { readonly kind: 'own-cases'; readonly proxyId: string }
  /** Admins (and a token lacking its scope claim, should one get this far): no case at all. */
  | { readonly kind: 'nothing'; readonly reason: string };

/** The claims each role's scope is built from (R1): absent, the token is refused (401). */
export const SCOPE_CLAIMS: Readonly<Record<Role, readonly ('centerId' | 'departmentId')[]>> = {
  auditor: [],
  admin: [],
  proxy: [],
  system: [],
  applicant: [],
  guide: ['centerId'],
  supervisor: ['centerId'],
  window: ['centerId', 'departmentId'],
  approver: ['centerId', 'departmentId'],
};

/** The claims `actor`'s role needs and its token lacks (empty: the token describes a scope). */
export function missingScopeClaims(actor: Actor): readonly string[] {
  return SCOPE_CLAIMS[actor.role].filter((claim) => !actor[claim]);
}

export function readScopeOf(actor: Actor): ReadScope {
  const missing = missingScopeClaims(actor);
  if (missing.length > 0)
    return { kind: 'nothing', reason: `a ${actor.role} token needs ${missing.join(' and ')} (R1)` };
  switch (actor.role) {
    case 'auditor':
      return { kind: 'all' };
    case 'supervisor':
    case 'guide':
      return { kind: 'center', centerId: actor.centerId! };
    case 'window':
    case 'approver':
      return { kind: 'department', centerId: actor.centerId!, departmentId: actor.departmentId! };
    case 'proxy':
      return { kind: 'own-cases', proxyId: actor.id };
    case 'admin':
    case 'system':
    case 'applicant': // P5: an applicant's invitation rates one case; it reads none through staff routes
      return { kind: 'nothing', reason: `a ${actor.role} reads no cases` };
  }
}

/** What a scope is judged on: where a case belongs and who stands in it. */
export interface ScopedCase {
  readonly centerId?: string | null;
  readonly departmentId?: string | null;
  readonly proxyId?: string | null;
  /** F2: an inquiry referred to a department is that department's to read as well. */
  readonly referredToDepartmentId?: string | null;
  /** F1: the staff member who first answered the inquiry. */
  readonly firstResponderId?: string | null;
}

export const CASE_FIELDS = [
  'centerId',
  'departmentId',
  'proxyId',
  'referredToDepartmentId',
  'firstResponderId',
] as const;
export type CaseField = (typeof CASE_FIELDS)[number];

/** Fields a case must hold (null: none, or absent, as MongoDB's `{ field: null }` matches). */
export type CaseMatch = { readonly [F in CaseField]?: string | null };

/**
 * A scope as data: every case, or the cases matching any one of these. The one definition both
 * `caseInScope` judges a case by and the read store's queries are built from
 * (apps/api/src/views/read-scope/case-scope-filter.ts), so a list holds exactly the cases a read
 * by id shows. Empty: nothing.
 */
export type CaseMatches = 'all' | readonly CaseMatch[];

export function scopeMatches(scope: ReadScope): CaseMatches {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'center':
      return [{ centerId: scope.centerId }];
    case 'department': {
      const { centerId, departmentId } = scope;
      return [
        { centerId, departmentId },
        // An inquiry before its application has no department yet: its center's windows see it.
        { centerId, departmentId: null },
        { centerId, referredToDepartmentId: departmentId },
      ];
    }
    case 'own-cases':
      return [{ proxyId: scope.proxyId }];
    case 'nothing':
      return [];
  }
}

/** Whether a case matches. A case without a center matches no center's scope. */
export function caseMatches(matches: CaseMatches, c: ScopedCase): boolean {
  return (
    matches === 'all' ||
    matches.some((match) =>
      CASE_FIELDS.every((field) => match[field] === undefined || (c[field] ?? null) === match[field]),
    )
  );
}

/** Whether a case lies in the scope. */
export const caseInScope = (scope: ReadScope, c: ScopedCase): boolean => caseMatches(scopeMatches(scope), c);

/**
 * R1 and F1: the cases an actor may read. Its scope, and the inquiries it first answered (F1: the
 * first responder follows its inquiry across departments, not into another center).
 */
export function visibleCases(actor: Actor): CaseMatches {
  const scope = readScopeOf(actor);
  const inScope = scopeMatches(scope);
  if (inScope === 'all' || scope.kind === 'nothing') return inScope;
  return [
    ...inScope,
    { firstResponderId: actor.id, ...(actor.centerId !== undefined && { centerId: actor.centerId }) },
  ];
}

/**
 * The center and department a list query must be limited to (views whose documents name them);
 * `undefined` in a field means "any". `nothing` and `own-cases` give no filter: their callers
 * refuse the view, or filter by `caseInScope`.
 */
export function scopeFilter(scope: ReadScope): { centerId?: string; departmentId?: string } {
  switch (scope.kind) {
    case 'center':
      return { centerId: scope.centerId };
    case 'department':
      return { centerId: scope.centerId, departmentId: scope.departmentId };
    default:
      return {};
  }
}
