import type { Actor } from '../actor/actor.js';
import { caseMatches, visibleCases, type ScopedCase } from '../access/read-scope.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import type { CaseState } from './case-state.js';

/** What a reader wants of a case: its view, its raw events (auditors, supervisors), or an integrity check (U3). */
export type CaseReadPurpose = 'view' | 'events' | 'integrity';

const roleNotAllowed = (detail: string): DomainError => refuse('ROLE_NOT_ALLOWED', detail);

/**
 * R1 and finding 13: a case outside the reader's scope answers exactly as a case that does not
 * exist, so a refusal never tells an outsider that it exists, nor where it belongs.
 */
export const caseNotVisible = (): DomainError =>
  refuse('CASE_NOT_FOUND', 'No case with this id has been registered.');

/** The scope facts of a case's state (access/read-scope.ts). */
export const scopedCaseOf = (state: CaseState): ScopedCase => ({
  centerId: state.centerId ?? null,
  departmentId: state.departmentId ?? null,
  proxyId: state.proxyId ?? null,
  referredToDepartmentId: state.referral?.toDepartmentId ?? null,
  firstResponderId: state.firstResponder?.id ?? null,
});

/** Whether the case lies in the actor's read scope (R1), the first responder included (F1). */
export const caseVisibleTo = (actor: Actor, state: CaseState): boolean =>
  caseMatches(visibleCases(actor), scopedCaseOf(state));

/**
 * The read side of the role matrix (DOMAIN.md "Who uses it", API.md "Queries"): auditors see
 * everything; supervisors and guides their center; window and approver their department (and
 * inquiries referred to it); a proxy the cases it submitted; the first responder the case (F1).
 * Outside that scope: 404 (as if the case did not exist); inside it, a purpose the role may not
 * have (events, integrity): 403 naming the role only.
 */
export function mayRead(actor: Actor, state: CaseState, purpose: CaseReadPurpose): DomainError | undefined {
  if (!caseVisibleTo(actor, state)) return caseNotVisible();
  if (actor.role === 'auditor') return undefined;
  if (purpose === 'integrity') return roleNotAllowed('Only auditors verify the integrity of a case (U3).');
  if (purpose === 'events' && actor.role !== 'supervisor')
    return roleNotAllowed('Only auditors and supervisors read the events of a case.');
  return undefined;
}
