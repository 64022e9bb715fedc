/**
 * Who may read a case (DOMAIN.md "Who uses it", API.md "Queries"). The domain's authorize.ts covers
 * commands only, so the read side of the same matrix lives here until the domain offers it.
 * TODO(domain): a `mayRead(actor, state, view)` beside authorize.ts would keep both sides together.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { CaseState } from '#domain/case/case-state.js';
import { problem, ProblemException, type ProblemDetails } from '../../problem/problem-details.js';

export type CaseReadPurpose = 'view' | 'events' | 'integrity';

const roleNotAllowed = (detail: string): ProblemDetails =>
  problem(403, 'ROLE_NOT_ALLOWED', '无权执行该操作', detail);
const outOfScope = (detail: string): ProblemDetails => problem(403, 'OUT_OF_SCOPE', '超出职责范围', detail);

/** Throws 403 unless `actor` may read the case for `purpose`. */
export function assertMayRead(actor: Actor, state: CaseState, purpose: CaseReadPurpose): void {
  if (actor.role === 'auditor') return; // sees everything (U3, U4)
  if (purpose === 'integrity')
    throw new ProblemException(roleNotAllowed('Only auditors verify the integrity of a case (U3).'));
  if (purpose === 'events' && actor.role !== 'supervisor')
    throw new ProblemException(roleNotAllowed('Only auditors and supervisors read the events of a case.'));
  const sameCenter =
    actor.centerId === undefined || state.centerId === undefined || actor.centerId === state.centerId;
  if (!sameCenter)
    throw new ProblemException(
      outOfScope(`The case belongs to center ${state.centerId}; you work for center ${actor.centerId}.`),
    );
  if (state.firstResponder?.id === actor.id) return; // F1: the first responder follows the case
  switch (actor.role) {
    case 'supervisor':
    case 'guide':
      return;
    case 'window':
    case 'approver':
      if (state.departmentId === undefined || state.departmentId === actor.departmentId) return;
      if (state.referral?.toDepartmentId === actor.departmentId) return;
      throw new ProblemException(
        outOfScope(
          `The case belongs to department ${state.departmentId}; you work for ${actor.departmentId ?? 'none'}.`,
        ),
      );
    case 'proxy':
      if (state.proxyId === actor.id) return;
      throw new ProblemException(outOfScope('A proxy reads only the cases it submitted (全程代办).'));
    default:
      throw new ProblemException(roleNotAllowed(`Role '${actor.role}' does not read cases.`));
  }
}
