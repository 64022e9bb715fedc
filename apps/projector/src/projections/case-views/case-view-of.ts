/**
 * Pure: the `case_views` document of a case from its folded state (GET /cases/{id}, API.md), with
 * the level and `nextCheckAt` from the domain's timeliness assessment as of the recording time of
 * the case's last event, so the same events always build the same document.
 */
import { toShanghaiIso, type OfficeClock } from '#domain/calendar/index.js';
import { clockRunning, currentSuspension, isOpen, type CaseState } from '#domain/case/case-state.js';
import { assessTimeliness } from '#domain/timeliness/assess-timeliness.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import type { CaseViewDocument } from '#infra/read-store/documents/case-view-document.js';
import type { Position } from '#infra/event-store/event-store.port.js';

const date = (t: number | undefined): Date | null => (t === undefined ? null : new Date(t));

export interface CaseViewFacts {
  readonly caseId: string;
  readonly state: CaseState;
  readonly explanations: Record<string, string>;
  readonly inquiryMatterCode: string | null;
  /** Staff ids who recorded a step so far, in the order they first did. */
  readonly handledBy: readonly string[];
  /** The last event's position and recording time. */
  readonly position: Position;
  readonly recordedAt: string;
}

export function caseViewOf(
  facts: CaseViewFacts,
  policy: TimelinessPolicy,
  clock: OfficeClock,
): Omit<CaseViewDocument, '_position'> {
  const { state } = facts;
  const asOf = Date.parse(facts.recordedAt);
  const assessment = assessTimeliness(state, policy, clock, asOf);
  // Something already due (a card, a step flag, a follow-up warning) is due now, not at the next
  // instant the assessment names: supervision must find the case on its next tick (C4, T10, F3).
  const dueNow =
    assessment.dueCards.length > 0 ||
    assessment.overdueSteps.some((s) => !s.raised) ||
    assessment.referralFollowUpDue !== undefined;
  const nextCheckAt = dueNow ? asOf : assessment.nextCheckAt;
  const running = clockRunning(state);
  return {
    _id: facts.caseId,
    caseId: facts.caseId,
    status: state.status,
    open: isOpen(state),
    clockRunning: running,
    centerId: state.centerId ?? null,
    matterCode: state.matter?.code ?? facts.inquiryMatterCode,
    departmentId: state.departmentId ?? null,
    windowId: state.windowId ?? null,
    firstResponderId: state.firstResponder?.id ?? null,
    applicant: state.applicant ?? null,
    receiptNo: state.acceptance?.receiptNo ?? null,
    receivedAt: date(state.receivedAt),
    acceptedAt: date(state.acceptance?.acceptedAt),
    kind: state.matter?.kind ?? null,
    limitDays: state.acceptance?.limitDays ?? null,
    limitMinutes: state.acceptance?.limitMinutes ?? null,
    deadlineAt: date(state.deadline),
    runningDeadlineAt: running ? date(state.deadline) : null,
    provisional: state.provisional,
    suspendedNow: currentSuspension(state) !== undefined,
    extended: state.extension !== undefined,
    level: assessment.level,
    levelAsOf: facts.recordedAt,
    nextCheckAt: nextCheckAt === undefined ? null : new Date(nextCheckAt),
    handledBy: [...facts.handledBy],
    proxyId: state.proxyId ?? null,
    referredToDepartmentId: state.referral?.toDepartmentId ?? null,
    cards: state.cards.map((c) => ({
      cardId: c.cardId,
      level: c.level,
      issuedAt: toShanghaiIso(c.issuedAt),
      ...(facts.explanations[c.cardId] !== undefined && { explanation: facts.explanations[c.cardId] }),
      ...(c.revokedAt !== undefined && { revoked: true }),
    })),
    explanations: facts.explanations,
    inquiryMatterCode: facts.inquiryMatterCode,
    revision: state.revision,
    position: facts.position,
    state,
  };
}
