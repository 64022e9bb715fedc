/**
 * The id of every event supervision writes is derived from what it is about, never drawn at random:
 * `supervision|<caseId>|<event type>|<what>` (UUID v5), where <what> is the card id (its level and
 * deadline, C4), the step flag's key (T10), the referral's follow-up due time (F3) or the case for a
 * public-criticism recommendation (C6); for a complaint without a case, `supervision|complaint-<id>|
 * ComplaintOverdueFlagged|<limit>` (T10, P2: one flag per limit). Two loops that decide the same event write the same id, and
 * the event store records it once (an append of ids already stored answers as the first append).
 */
import type { CaseEvent } from '#domain/case/case-events.js';
import { complaintStreamId, type ComplaintEvent } from '#domain/complaint/complaint-events.js';
import { stepFlagKey } from '#domain/case/case-state.js';
import { uuidV5 } from '#infra/ids/derived-ids.js';

/** Supervision's own namespace, fixed once and never changed (ids written must stay derivable). */
const SUPERVISION_NAMESPACE = '5d0c7e1a-3b9f-5e42-8a6d-2c4b1f0e9d37';

/** What an event is about: one card, one step flag, one follow-up warning, one recommendation. */
export function supervisionSubject(event: CaseEvent): string {
  switch (event.type) {
    case 'WarningIssued':
    case 'YellowCardIssued':
    case 'RedCardIssued':
      return event.data.cardId;
    case 'StepOverdueFlagged':
      return stepFlagKey(event.data.step, event.data.ref);
    case 'ReferralFollowUpWarningIssued':
      return event.data.dueAt;
    case 'PublicCriticismRecommended':
      return 'case';
    default:
      // Supervision writes nothing else; should the domain add a kind, its whole fact names it.
      return JSON.stringify(event.data);
  }
}

export function supervisionEventId(caseId: string, event: CaseEvent): string {
  return uuidV5(
    ['supervision', caseId, event.type, supervisionSubject(event)].join('|'),
    SUPERVISION_NAMESPACE,
  );
}

/** T10, P2: the id of a complaint's overdue flag, derived from the complaint and the limit it measures. */
export function complaintSupervisionEventId(complaintId: string, event: ComplaintEvent): string {
  const subject = event.type === 'ComplaintOverdueFlagged' ? event.data.dueAt : JSON.stringify(event.data);
  return uuidV5(
    ['supervision', complaintStreamId(complaintId), event.type, subject].join('|'),
    SUPERVISION_NAMESPACE,
  );
}
