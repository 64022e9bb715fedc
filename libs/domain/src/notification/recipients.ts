import type { Role, StaffRole } from '../actor/actor.js';
import type { NotificationKind, Recipient } from './notification.js';

const role = (r: StaffRole): Recipient => ({ role: r });

/**
 * E1, the escalation chain: a warning goes to the handling window; a yellow card also to the
 * department's approvers; a red card also to the center's supervisors and the auditors; an
 * explanation falling due (C5) to the department — its window staff and approvers, who may write it
 * (ExplainCard); a referral follow-up (F3) to the first responder alone.
 */
export function recipientsOf(
  kind: NotificationKind,
  firstResponder?: { readonly id: string; readonly role: Role },
): readonly Recipient[] {
  switch (kind) {
    case 'warning':
      return [role('window')];
    case 'yellow':
      return [role('window'), role('approver')];
    case 'red':
      return [role('window'), role('approver'), role('supervisor'), role('auditor')];
    case 'explanation_due':
      return [role('window'), role('approver')];
    case 'referral_followup':
      // F1: the first responder is staff; the supervision actor never asks first.
      return firstResponder === undefined ||
        firstResponder.role === 'system' ||
        firstResponder.role === 'applicant'
        ? []
        : [{ role: firstResponder.role, staffId: firstResponder.id }];
  }
}
