import type { CaseEvent } from '../case/case-events.js';
import type { CaseFacts } from './case-facts.js';
import type { NotificationContent, NotificationKind } from './notification.js';
import { recipientsOf } from './recipients.js';

/** The event types a notification can come from (E1). */
export const NOTIFIABLE_EVENT_TYPES = [
  'WarningIssued',
  'YellowCardIssued',
  'RedCardIssued',
  'ReferralFollowUpWarningIssued',
  'StepOverdueFlagged',
] as const;

const CARD_KINDS = { WarningIssued: 'warning', YellowCardIssued: 'yellow', RedCardIssued: 'red' } as const;

/**
 * E1: the notifications one event of a case gives rise to, with their recipients, given the case's
 * facts as of that event. Pure: the outbox (E2) derives their ids from the event and the kind, so the
 * same event always yields the same notifications. E3: only ids, codes, levels and deadlines are
 * copied; nothing of the applicant is read.
 */
export function notificationsOf(event: CaseEvent, facts: CaseFacts): readonly NotificationContent[] {
  const base = (kind: NotificationKind, departmentId: string | undefined, windowId: string | undefined) => ({
    kind,
    caseId: facts.caseId,
    centerId: facts.centerId,
    departmentId: departmentId ?? null,
    windowId: windowId ?? null,
    occurredAt: event.occurredAt,
  });
  switch (event.type) {
    case 'WarningIssued':
    case 'YellowCardIssued':
    case 'RedCardIssued': {
      const kind = CARD_KINDS[event.type];
      const d = event.data;
      return [
        {
          ...base(kind, d.departmentId ?? facts.departmentId, d.windowId ?? facts.windowId),
          level: d.level,
          cardId: d.cardId,
          deadline: d.deadline,
          // C5: a yellow or red card's explanation is due then.
          ...(d.explanationDueAt !== undefined && { dueAt: d.explanationDueAt }),
          recipients: recipientsOf(kind),
        },
      ];
    }
    case 'ReferralFollowUpWarningIssued': {
      const first = facts.firstResponder;
      // F3: the first responder is the one to act, so the notification is scoped to their department.
      return [
        {
          ...base('referral_followup', first?.departmentId, first?.windowId),
          dueAt: event.data.dueAt,
          recipients: recipientsOf('referral_followup', first),
        },
      ];
    }
    case 'StepOverdueFlagged':
      // C5: the written explanation of card `ref` has fallen due; other steps (N2, P2, P4, T10) notify nobody yet.
      if (event.data.step !== 'explanation') return [];
      return [
        {
          ...base('explanation_due', facts.departmentId, facts.windowId),
          cardId: event.data.ref,
          dueAt: event.data.dueAt,
          recipients: recipientsOf('explanation_due'),
        },
      ];
    default:
      return [];
  }
}
