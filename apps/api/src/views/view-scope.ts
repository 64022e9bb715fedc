/**
 * Who may list what (DOMAIN.md "Who uses it", API.md "Queries"): auditors everything; supervisors
 * their center; window staff and approvers their department ("a department sees its own"); other
 * roles no lists. A filter outside the reader's scope is refused (403), never silently narrowed.
 */
import type { Actor } from '#domain/actor/actor.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import { viewProblems } from './view-problems.js';

export interface ScopeFilters {
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
}

export type ListRole = 'auditor' | 'supervisor' | 'window' | 'approver';

/** The filters narrowed to the reader's scope; 403 when a filter asks for more. */
export function scopedFilters(actor: Actor, asked: ScopeFilters, allowed: readonly ListRole[]): ScopeFilters {
  if (!(allowed as readonly string[]).includes(actor.role))
    throw new ProblemException(
      problems.forbidden(`Role '${actor.role}' does not read this view; it is for ${allowed.join(', ')}.`),
    );
  if (actor.role === 'auditor') return asked;
  const centerId = narrow('centerId', asked.centerId, actor.centerId, 'center');
  if (actor.role === 'supervisor') return { ...asked, ...(centerId !== undefined && { centerId }) };
  if (actor.departmentId === undefined)
    throw new ProblemException(viewProblems.outOfScope('Your token names no department to read.'));
  const departmentId = narrow('departmentId', asked.departmentId, actor.departmentId, 'department');
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
