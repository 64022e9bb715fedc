/**
 * Pure: GET /cases/{id} (API.md "Queries") from the projector's `case_views` document, as the
 * reader may see it now: the level re-assessed by the domain at the query's instant (the stored
 * one is as of the case's last event), the applicant masked unless the reader is an auditor (I1),
 * the violation codes from the accountability view (A1).
 */
import type { Actor } from '#domain/actor/actor.js';
import type { Violation } from '#domain/accountability/violation.js';
import { toShanghaiIso, type OfficeClock } from '#domain/calendar/index.js';
import { maskApplicant } from '#domain/privacy/mask-applicant.js';
import { caseLevel } from '#domain/timeliness/case-level.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import type { CaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import type { CaseView } from '../../cases/queries/case-view.js';

const iso = (d: Date | null): string | null => (d === null ? null : toShanghaiIso(d.getTime()));

export function caseViewAt(
  doc: CaseViewDocument,
  violations: readonly Violation[],
  reader: Actor,
  policy: TimelinessPolicy,
  clock: OfficeClock,
  now: number,
): CaseView {
  return {
    caseId: doc.caseId,
    status: doc.status,
    centerId: doc.centerId,
    matterCode: doc.matterCode,
    departmentId: doc.departmentId,
    windowId: doc.windowId,
    firstResponderId: doc.firstResponderId,
    applicant: doc.applicant
      ? reader.role === 'auditor'
        ? doc.applicant
        : maskApplicant(doc.applicant)
      : null,
    receivedAt: iso(doc.receivedAt),
    acceptedAt: iso(doc.acceptedAt),
    kind: doc.kind,
    limitDays: doc.limitDays,
    ...(doc.limitMinutes !== null && { limitMinutes: doc.limitMinutes }),
    deadline: iso(doc.deadlineAt),
    provisional: doc.provisional,
    suspendedNow: doc.suspendedNow,
    extended: doc.extended,
    ...caseLevel(doc.state, policy, clock, now),
    cards: doc.cards.map((c) => ({ ...c })),
    flags: [...new Set(violations.map((v) => v.code))],
    revision: doc.revision,
    position: doc.position,
  };
}
