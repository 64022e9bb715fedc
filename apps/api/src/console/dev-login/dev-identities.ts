/**
 * The identities the development login lists: one per staff role (DOMAIN.md "Who uses it"), in the
 * center, department and window the README's examples use, so a fresh `scripts/start` can be
 * explored at once.
 */
import type { StaffRole } from '#domain/actor/actor.js';
import { ROLE_LABELS } from '#domain/labels/labels.js';
import type { StaffClaims } from '#infra/auth/staff-claims.js';
import type { DevIdentityView } from './dev-login.view.js';

const CENTER = 'center-1';
const DEPARTMENT = 'dept-market';
const WINDOW = 'win-3';
/** The role's name (the domain's label tables), as the login page lists it. */
const roleLabel = (role: StaffRole): string => ROLE_LABELS[role] ?? role;

export const DEV_IDENTITIES: Readonly<Record<StaffRole, DevIdentityView>> = {
  guide: { sub: 'u-guide', role: 'guide', label: roleLabel('guide'), name: '赵导办', centerId: CENTER },
  proxy: { sub: 'u-proxy', role: 'proxy', label: roleLabel('proxy'), name: '钱代办', centerId: CENTER },
  window: {
    sub: 'u-window',
    role: 'window',
    label: roleLabel('window'),
    name: '王芳',
    centerId: CENTER,
    departmentId: DEPARTMENT,
    windowId: WINDOW,
  },
  approver: {
    sub: 'u-approver',
    role: 'approver',
    label: roleLabel('approver'),
    name: '孙审批',
    centerId: CENTER,
    departmentId: DEPARTMENT,
  },
  supervisor: {
    sub: 'u-supervisor',
    role: 'supervisor',
    label: roleLabel('supervisor'),
    name: '李督查',
    centerId: CENTER,
  },
  auditor: { sub: 'u-auditor', role: 'auditor', label: roleLabel('auditor'), name: '周审计' },
  admin: { sub: 'u-admin', role: 'admin', label: roleLabel('admin'), name: '吴管理', centerId: CENTER },
};

/** The claims a token for an identity carries (its label is only what the login page shows). */
export function staffClaimsOf(identity: DevIdentityView, role: StaffRole): StaffClaims {
  return {
    sub: identity.sub,
    name: identity.name,
    role,
    ...(identity.centerId !== undefined && { centerId: identity.centerId }),
    ...(identity.departmentId !== undefined && { departmentId: identity.departmentId }),
    ...(identity.windowId !== undefined && { windowId: identity.windowId }),
  };
}
