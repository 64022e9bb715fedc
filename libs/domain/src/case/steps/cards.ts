/** What staff and supervisors do with a card once issued: explain it (C5), revoke it (C4). */
import { refuse, type DomainError } from '../../errors/domain-error.js';
import type { CardRecord, CaseState } from '../case-state.js';
import { blank, invalid, type Step } from './step-tools.js';

/** The card a command names, unless it does not exist or a supervisor has revoked it (C4). */
function standingCard(state: CaseState, cardId: string): CardRecord | DomainError {
  const card = state.cards.find((c) => c.cardId === cardId);
  if (!card) return refuse('C4_CARD_NOT_FOUND', `No card ${cardId} on this case.`);
  if (card.revokedAt !== undefined)
    return refuse('C4_CARD_ALREADY_REVOKED', 'This card has been revoked by a supervisor (C4).');
  return card;
}

/** C5: a yellow or red card is explained in writing, once, by the department it was issued to. */
export const explainCard: Step<'ExplainCard'> = (command, state, { when, event }) => {
  const card = standingCard(state, command.cardId);
  if ('kind' in card) return card;
  if (card.explanationDueAt === undefined)
    return refuse('C5_EXPLANATION_NOT_NEEDED', 'Only yellow and red cards need a written explanation (C5).');
  if (card.explainedAt !== undefined)
    return refuse('C5_EXPLANATION_ALREADY_GIVEN', 'This card has already been explained (C5).');
  if (command.actor.departmentId !== card.departmentId)
    return refuse(
      'C5_EXPLANATION_WRONG_DEPARTMENT',
      `The explanation comes from the card's department ${card.departmentId ?? '(none)'} (C5).`,
    );
  if (blank(command.text)) return invalid('text', 'An explanation must not be empty.');
  return [
    event('ExplanationSubmitted', {
      cardId: card.cardId,
      text: command.text,
      late: when > card.explanationDueAt,
    }),
  ];
};

/** C4: a supervisor revokes a card, with a reason. */
export const revokeCard: Step<'RevokeCard'> = (command, state, { event }) => {
  const card = standingCard(state, command.cardId);
  if ('kind' in card) return card;
  if (blank(command.reason))
    return refuse('C4_REVOCATION_REASON_REQUIRED', 'A card is revoked only with a reason (C4).', 'reason');
  return [event('CardRevoked', { cardId: card.cardId, reason: command.reason })];
};
