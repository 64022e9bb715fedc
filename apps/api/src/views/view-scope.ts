/**
 * Who may list what (R1; DOMAIN.md "Who uses it", API.md "Queries"): the scope comes from the
 * domain's `readScopeOf` (access/read-scope.ts), the one place the rule lives. A view applies it
 * with one call: `scopedFilters` for the filters its documents carry (center, department), and
 * `CaseScope.keep` (case-scope.ts) for documents that name only their case. A filter outside the
 * reader's scope is refused (403), never silently narrowed; other roles read no lists.
 */
import type { Actor } from '#domain/actor/actor.js';
import { readScopeOf, scopeFilter, type ReadScope } from '#domain/access/read-scope.js';
import type { ListReading } from '#domain/access/reader-roles.js';
import { assertReads } from '../auth/assert-reads.js';
import { ProblemException } from '../problem/problem-details.js';
import { viewProblems } from './view-problems.js';

export interface ScopeFilters {
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
}

/** The reader's scope for a list view; 403 for a role that does not read it (reader-roles.ts). */
export function listScope(actor: Actor, reading: ListReading): ReadScope {
  assertReads(actor, reading);
  const scope = readScopeOf(actor);
  // The token guard refuses tokens lacking their scope claims (401); this only fails closed.
  if (scope.kind === 'nothing' || scope.kind === 'own-cases')
    throw new ProblemException(viewProblems.outOfScope('Your token names no scope to read.'));
  return scope;
}

/** The filters narrowed to the reader's scope (its center, its department); 403 when a filter asks for more. */
export function scopedFilters(actor: Actor, asked: ScopeFilters, reading: ListReading): ScopeFilters {
  const own = scopeFilter(listScope(actor, reading));
  const centerId = narrow('centerId', asked.centerId, own.centerId, 'center');
  const departmentId = narrow('departmentId', asked.departmentId, own.departmentId, 'department');
  return {
    ...asked,
    ...(centerId !== undefined && { centerId }),
    ...(departmentId !== undefined && { departmentId }),
  };
}

function narrow(
  field: string,
  asked: string | undefined,
  own: string | undefined,
  what: string,
): string | undefined {
  if (own === undefined) return asked;
  if (asked !== undefined && asked !== own)
    throw new ProblemException(
      viewProblems.outOfScope(`You read your own ${what} (${own}), not ${asked} (${field}).`),
    );
  return own;
}
