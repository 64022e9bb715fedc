/**
 * R1 for complaints without a case (P1): auditors and the supervision process reach every
 * complaint; staff those of their own center. Outside that, a complaint that exists answers as one
 * never received, as a case outside the scope answers as one never registered (finding 13): a
 * refusal never tells an outsider that it exists, nor where it belongs.
 */
import type { Actor } from '../actor/actor.js';
import { refuse, type DomainError } from '../errors/domain-error.js';

export const complaintNotFound = (): DomainError =>
  refuse('COMPLAINT_NOT_FOUND', 'No complaint with this id has been received.');

/** Whether `actor` may know of a complaint received in `centerId`. */
export const complaintVisibleTo = (actor: Actor, centerId: string | undefined): boolean =>
  actor.role === 'auditor' ||
  actor.role === 'system' ||
  (actor.centerId !== undefined && actor.centerId === centerId);

/**
 * Who reads a complaint whole, complainant and history (GET /complaints/{id}): its center's
 * supervisors and auditors. The role is judged first, on no stored fact; `centerId` is undefined
 * for a complaint never received.
 */
export function mayReadComplaint(actor: Actor, centerId: string | undefined): DomainError | undefined {
  if (actor.role !== 'supervisor' && actor.role !== 'auditor')
    return refuse('ROLE_NOT_ALLOWED', 'Only supervisors and auditors read complaints.');
  return centerId !== undefined && complaintVisibleTo(actor, centerId) ? undefined : complaintNotFound();
}
