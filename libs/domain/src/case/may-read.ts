import type { Actor } from '../actor/actor.js';
import { domainError, type DomainError } from '../errors/domain-error.js';
import type { CaseState } from './case-state.js';

/** What a reader wants of a case: its view, its raw events (auditors, supervisors), or an integrity check (U3). */
export type CaseReadPurpose = 'view' | 'events' | 'integrity';

const roleNotAllowed = (detail: string): DomainError =>
  domainError('ROLE_NOT_ALLOWED', 'forbidden', '无权执行该操作', detail);
const outOfScope = (detail: string): DomainError =>
  domainError('OUT_OF_SCOPE', 'forbidden', '超出职责范围', detail);

/**
 * The read side of the role matrix (DOMAIN.md "Who uses it", API.md "Queries"): auditors see
 * everything; supervisors and guides their center; window and approver their department (and
 * inquiries referred to it); a proxy the cases it submitted; the first responder the case (F1).
 */
export function mayRead(actor: Actor, state: CaseState, purpose: CaseReadPurpose): DomainError | undefined {
  if (actor.role === 'auditor') return undefined;
  if (purpose === 'integrity') return roleNotAllowed('Only auditors verify the integrity of a case (U3).');
  if (purpose === 'events' && actor.role !== 'supervisor')
    return roleNotAllowed('Only auditors and supervisors read the events of a case.');
  const sameCenter =
    actor.centerId === undefined || state.centerId === undefined || actor.centerId === state.centerId;
  if (!sameCenter)
    return outOfScope(`The case belongs to center ${state.centerId}; you work for center ${actor.centerId}.`);
  if (state.firstResponder?.id === actor.id) return undefined;
  switch (actor.role) {
    case 'supervisor':
    case 'guide':
      return undefined;
    case 'window':
    case 'approver':
      if (state.departmentId === undefined || state.departmentId === actor.departmentId) return undefined;
      if (state.referral?.toDepartmentId === actor.departmentId) return undefined;
      return outOfScope(
        `The case belongs to department ${state.departmentId}; you work for ${actor.departmentId ?? 'none'}.`,
      );
    case 'proxy':
      return state.proxyId === actor.id
        ? undefined
        : outOfScope('A proxy reads only the cases it submitted (全程代办).');
    default:
      return roleNotAllowed(`Role '${actor.role}' does not read cases.`);
  }
}
