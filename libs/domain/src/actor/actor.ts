/** Roles of DOMAIN.md "Who uses it", plus `system` for the supervision process (C4). */
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
export type Role = StaffRole | 'system';

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
