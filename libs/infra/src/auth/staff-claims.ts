/**
 * The claims of a staff token (API.md "Conventions") and their mapping to the domain's `Actor`:
 * the actor of every event comes from the authenticated identity, never from a body (DOMAIN.md).
 */
import { STAFF_ROLES, type Actor, type StaffRole } from '#domain/actor/actor.js';
import { definedFields } from '../objects/present-fields.js';

export interface StaffClaims {
  readonly sub: string;
  readonly name: string;
  readonly role: StaffRole;
  readonly centerId?: string;
  readonly departmentId?: string;
  readonly windowId?: string;
}

/** The claims that place a staff member, each absent when the token has none. */
const SCOPE_CLAIMS = ['centerId', 'departmentId', 'windowId'] as const;

const optionalText = (value: unknown): value is string | undefined =>
  value === undefined || (typeof value === 'string' && value.length <= 200);

/** The claims as the token carries them, or why they are not a staff identity. */
export function readStaffClaims(payload: Record<string, unknown>): StaffClaims | string {
  const { sub, name, role, centerId, departmentId, windowId } = payload;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > 200)
    return 'the token has no subject (sub)';
  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) return 'the token has no name';
  // `system` is the supervision process's own identity (C4): no token may claim it.
  if (typeof role !== 'string' || !(STAFF_ROLES as readonly string[]).includes(role))
    return `the token's role must be one of ${STAFF_ROLES.join(', ')}`;
  if (!optionalText(centerId) || !optionalText(departmentId) || !optionalText(windowId))
    return 'centerId, departmentId and windowId are strings when present';
  return {
    sub,
    name,
    role: role as StaffRole,
    ...definedFields({ centerId, departmentId, windowId }, SCOPE_CLAIMS),
  };
}

export function actorFromClaims(claims: StaffClaims): Actor {
  return {
    id: claims.sub,
    name: claims.name,
    role: claims.role,
    ...definedFields(claims, SCOPE_CLAIMS),
  };
}
