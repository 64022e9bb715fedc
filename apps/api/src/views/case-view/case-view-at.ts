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

/** The fields of a `case_views` document a case summary (GET /cases) shows or assesses. */
export const CASE_SUMMARY_FIELDS = [
  'caseId',
  'status',
  'centerId',
  'matterCode',
  'departmentId',
  'windowId',
  'firstResponderId',
  'applicant',
  'receivedAt',
  'acceptedAt',
  'kind',
  'limitDays',
  'limitMinutes',
  'deadlineAt',
  'provisional',
  'suspendedNow',
  'extended',
  'revision',
  'position',
] as const;
export type CaseSummaryDocument = Pick<CaseViewDocument, (typeof CASE_SUMMARY_FIELDS)[number] | 'state'>;
export type CaseSummary = Omit<CaseView, 'cards'>;

/**
 * A case as GET /cases lists it: GET /cases/{id}'s fields without the cards. The state need hold
 * only what the level reads (case-view-document.ts levelStateOf).
 */
export function caseSummaryAt(
  doc: CaseSummaryDocument,
  violations: readonly Violation[],
  reader: Actor,
  policy: TimelinessPolicy,
  clock: OfficeClock,
  now: number,
): CaseSummary {
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
    flags: [...new Set(violations.map((v) => v.code))],
    revision: doc.revision,
    position: doc.position,
  };
}

export function caseViewAt(
  doc: CaseViewDocument,
  violations: readonly Violation[],
  reader: Actor,
  policy: TimelinessPolicy,
  clock: OfficeClock,
  now: number,
): CaseView {
  // The cards before the flags, as GET /cases/{id} has always answered.
  const { flags, revision, position, ...head } = caseSummaryAt(doc, violations, reader, policy, clock, now);
  return { ...head, cards: doc.cards.map((c) => ({ ...c })), flags, revision, position };
}
