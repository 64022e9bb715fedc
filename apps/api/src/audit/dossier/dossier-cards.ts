/**
 * The dossier's cards (C1–C3), each with the event that set the deadline it measures (T9), the
 * explanation given for it (C5) and its revocation by a supervisor (C4), if any.
 */
import { LEVEL_LABELS } from '#domain/labels/labels.js';
import { defined } from '../../support/defined.js';
import { label } from '../audit-labels.js';
import { dossierActor, type DossierActor } from './dossier-actor.js';
import { deadlineEventOf } from './dossier-deadlines.js';
import type { DossierEvent } from './dossier-events.js';

export interface DossierExplanation {
  readonly cardId: string;
  readonly text: string;
  readonly late: boolean;
  readonly at: string;
  readonly by: DossierActor;
  readonly eventId: string;
}

export interface DossierRevocation {
  readonly reason: string;
  readonly at: string;
  readonly by: DossierActor;
  readonly eventId: string;
}

export interface DossierCard {
  readonly cardId: string;
  readonly level: string;
  readonly levelLabel: string;
  readonly cause: string;
  readonly deadline: string;
  readonly issuedAt: string;
  readonly policyVersion: string;
  readonly remainingMinutes: number;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly explanationDueAt?: string;
  readonly explanation?: DossierExplanation;
  readonly revocation?: DossierRevocation;
  readonly eventId: string;
  /** The event that set the deadline the card measures, then the card's own event. */
  readonly causedBy: readonly string[];
}

export interface DossierCards {
  readonly cards: DossierCard[];
  readonly explanations: DossierExplanation[];
}

export function dossierCards(events: readonly DossierEvent[]): DossierCards {
  const cards: DossierCard[] = [];
  const explanations: DossierExplanation[] = [];
  const revocations = new Map<string, DossierRevocation>();
  for (const { r, e } of events) {
    switch (e.type) {
      case 'WarningIssued':
      case 'YellowCardIssued':
      case 'RedCardIssued': {
        const d = e.data;
        const setBy = deadlineEventOf(events, r.revision, d.deadline);
        cards.push(
          defined({
            cardId: d.cardId,
            level: d.level,
            levelLabel: label(LEVEL_LABELS, d.level),
            cause: d.cause,
            deadline: d.deadline,
            issuedAt: r.occurredAt,
            policyVersion: d.policyVersion,
            remainingMinutes: d.remainingMinutes,
            departmentId: d.departmentId ?? null,
            windowId: d.windowId ?? null,
            explanationDueAt: d.explanationDueAt,
            eventId: r.eventId,
            causedBy: setBy ? [setBy, r.eventId] : [r.eventId],
          }),
        );
        break;
      }
      case 'ExplanationSubmitted':
        explanations.push({
          cardId: e.data.cardId,
          text: e.data.text,
          late: e.data.late,
          at: r.occurredAt,
          by: dossierActor(r.actor),
          eventId: r.eventId,
        });
        break;
      case 'CardRevoked':
        revocations.set(e.data.cardId, {
          reason: e.data.reason,
          at: r.occurredAt,
          by: dossierActor(r.actor),
          eventId: r.eventId,
        });
        break;
      default:
        break;
    }
  }
  const explained = new Map(explanations.map((x) => [x.cardId, x]));
  return {
    cards: cards.map((c) =>
      defined({ ...c, explanation: explained.get(c.cardId), revocation: revocations.get(c.cardId) }),
    ),
    explanations,
  };
}
