/**
 * Pure: a case's entry in its center's roster of open deadlines (GET /views/overdue), or undefined
 * when it has none: not accepted yet, or closed (DOMAIN.md lifecycle).
 */
import { toShanghaiIso } from '#domain/calendar/index.js';
import { clockStopped, currentSuspension } from '#domain/case/case-state.js';
import type {
  OpenDeadlineEntry,
  TimelinessSlice,
} from '#infra/read-store/documents/open-deadline-roster-document.js';
import type { CaseViewFacts } from './case-view-of.js';

export function openDeadlineEntryOf(facts: CaseViewFacts): OpenDeadlineEntry | undefined {
  const { state } = facts;
  if (state.deadline === undefined || state.acceptance === undefined || clockStopped(state)) return undefined;
  const suspension = currentSuspension(state);
  // Only what assessTimeliness reads for the level and the office time left, so the roster stays
  // small: deadline, acceptance (limits), the current suspension (the clock stops, T6), the cards
  // (C3: a red card or an overdue explanation makes the case red), status and closure.
  const timeliness: TimelinessSlice = {
    status: state.status,
    revision: state.revision,
    deadline: state.deadline,
    acceptance: state.acceptance,
    provisional: state.provisional,
    suspensions: suspension ? [suspension] : [],
    cards: state.cards,
    ...(state.completedAt !== undefined && { completedAt: state.completedAt }),
    ...(state.closedAt !== undefined && { closedAt: state.closedAt }),
  };
  return {
    caseId: facts.caseId,
    centerId: state.centerId ?? null,
    departmentId: state.departmentId ?? null,
    windowId: state.windowId ?? null,
    matterCode: state.matter?.code ?? facts.inquiryMatterCode,
    status: state.status,
    deadline: toShanghaiIso(state.deadline),
    deadlineAt: state.deadline,
    acceptedAt: toShanghaiIso(state.acceptance.acceptedAt),
    applicant: state.applicant ?? null,
    revision: state.revision,
    position: facts.position,
    timeliness,
  };
}
