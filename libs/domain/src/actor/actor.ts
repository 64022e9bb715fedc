/** Roles of DOMAIN.md "Who uses it"; `Role` adds `system` (C4) and `applicant` (P5). */
export const STAFF_ROLES = [
  'guide',
  'proxy',
  'window',
  'approver',
  'supervisor',
  'auditor',
  'admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
/** `applicant`: the person served, acting only through a one-time evaluation invitation (P5). */
export type Role = StaffRole | 'system' | 'applicant';

/** Who did a step (U1). Always taken from the authenticated identity, never from a request body. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
}

/** The actor the supervision process writes cards as (C4). */
export const SUPERVISION_ACTOR: Actor = { id: 'system:supervision', name: '电子监察系统', role: 'system' };

/** The applicant rating through an invitation (P5): no account, the invitation is the authority. */
export function applicantActor(invitationId: string): Actor {
  return { id: `applicant:${invitationId}`, name: '服务对象', role: 'applicant' };
}
