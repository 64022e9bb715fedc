/** The violations a case's detection state proves (A1), with the overdue cards (C2, C3, C4). */
import { issueOf, type DetectionState } from './detection-state.js';
import { VIOLATION_RULES, type Violation, type ViolationCode } from './violation.js';

/**
 * A1: the violations the state proves: those found as events were recorded, less an explanation
 * missing for a card since revoked (C4), then the overdue cards (C2 yellow, C3 red) not revoked (C4),
 * held against whoever accepted the case, in the order the cards were issued.
 */
export function violationsOf(s: DetectionState): Violation[] {
  const revokedIssues = new Set(
    s.revoked.map((c) => issueOf(s, c)?.eventId).filter((x): x is string => x !== undefined),
  );
  const kept = s.found.filter(
    (v) => !(v.code === 'EXPLANATION_MISSING' && revokedIssues.has(v.evidence[0] ?? '')),
  );
  const accepted = s.firstIds.ApplicationAccepted;
  const overdue = s.cards
    .filter((c) => c.level !== 'warning' && !s.revoked.includes(c.cardId))
    .map((c): Violation => {
      const code: ViolationCode = c.level === 'yellow' ? 'OVERDUE' : 'SERIOUSLY_OVERDUE';
      const ids = accepted === undefined ? [c.eventId] : [accepted, c.eventId];
      return {
        violationId: `${code}:${c.eventId}`,
        code,
        rule: VIOLATION_RULES[code],
        caseId: s.caseId ?? '',
        ...(s.acceptor && { staffId: s.acceptor.id, staffName: s.acceptor.name }),
        ...(c.windowId !== undefined && { windowId: c.windowId }),
        ...(c.departmentId !== undefined && { departmentId: c.departmentId }),
        detectedAt: c.recordedAt,
        evidence: ids,
      };
    });
  return [...kept, ...overdue];
}
