/**
 * R1 as a read-store filter: the one scope function every query over `case_views` applies (the
 * worklist, the overdue view), so a list shows exactly the cases `mayRead` would let the caller
 * open. Auditors everything; supervisors and guides their center; window staff and approvers their
 * department (and inquiries referred to it, and cases they first answered); a proxy the cases it
 * submitted. A token lacking the claim its role's scope needs sees nothing (R1: access fails
 * closed), as does any other role.
 */
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import type { StoredCaseViewDocument } from '#infra/read-store/documents/case-view-document.js';

export type CaseScope = { readonly sees: 'nothing' } | { readonly sees: Filter<StoredCaseViewDocument> };

const NOTHING: CaseScope = { sees: 'nothing' };

export function caseScopeFilter(actor: Actor): CaseScope {
  switch (actor.role) {
    case 'auditor':
      return { sees: {} };
    case 'supervisor':
    case 'guide':
      return actor.centerId === undefined ? NOTHING : { sees: { centerId: actor.centerId } };
    case 'window':
    case 'approver': {
      if (actor.departmentId === undefined) return NOTHING;
      const own: Filter<StoredCaseViewDocument> = {
        $or: [
          { departmentId: actor.departmentId },
          { referredToDepartmentId: actor.departmentId },
          { firstResponderId: actor.id },
        ],
      };
      return { sees: actor.centerId === undefined ? own : { centerId: actor.centerId, ...own } };
    }
    case 'proxy':
      return { sees: { proxyId: actor.id } };
    default:
      return NOTHING;
  }
}
