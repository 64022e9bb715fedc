/**
 * The `cards` projection (DESIGN.md "Read models"): one document per warning, yellow or red card
 * (C1–C3) with its written explanation (C5) and revocation (C4), as GET /views/cards lists them.
 */
import { CARD_EVENT_TYPES } from '#domain/case/case-events.js';
import type { CardDocument } from '#infra/read-store/documents/card-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { NO_CONTEXT, type Built, type Projection } from '../../projection/projection.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import { decodeCaseEnvelope, type CaseEnvelope } from '../case-stream/recorded-case-event.js';

export const CARDS_PROJECTION = 'cards';

const TYPES: ReadonlySet<string> = new Set([...CARD_EVENT_TYPES, 'ExplanationSubmitted', 'CardRevoked']);

export const cardDocumentId = (caseId: string, cardId: string): string => `${caseId}:${cardId}`;

export const cardsProjection: Projection<null, Built<CardDocument>, Built<CardDocument>, CaseEnvelope> = {
  name: CARDS_PROJECTION,
  version: 1,
  unitCollection: READ_MODELS.cards,
  collections: [
    {
      name: READ_MODELS.cards,
      indexes: [
        { key: { issuedAtMs: -1, _id: -1 } },
        // Each ends in `_id`, the tie-break of the keyset sort (issuedAtMs, _id) of GET /views/cards.
        { key: { departmentId: 1, issuedAtMs: -1, _id: -1 } },
        { key: { windowId: 1, issuedAtMs: -1, _id: -1 } },
        { key: { level: 1, explained: 1, issuedAtMs: -1, _id: -1 } },
      ],
    },
  ],
  ...NO_CONTEXT,

  eventTypes: TYPES,
  unitOf(event) {
    const caseId = caseIdOf(event);
    if (caseId === undefined) return undefined;
    const cardId = (event.data as { cardId?: unknown } | null)?.cardId;
    if (typeof cardId !== 'string') return `${caseId}:(no card id in ${event.eventId})`;
    return cardDocumentId(caseId, cardId);
  },
  decode: decodeCaseEnvelope,

  apply(unit, { caseId, event, recorded }) {
    const card = unit;
    if (
      event.type === 'WarningIssued' ||
      event.type === 'YellowCardIssued' ||
      event.type === 'RedCardIssued'
    ) {
      const d = event.data;
      if (typeof d.cardId !== 'string' || typeof d.deadline !== 'string')
        throw new Error(`${event.type} ${event.eventId} has no cardId or deadline`);
      const issued: Built<CardDocument> = {
        _id: cardDocumentId(caseId, d.cardId),
        cardId: d.cardId,
        caseId,
        level: d.level,
        cause: d.cause,
        issuedAt: event.occurredAt,
        issuedAtMs: Date.parse(event.occurredAt),
        deadline: d.deadline,
        departmentId: d.departmentId ?? null,
        windowId: d.windowId ?? null,
        policyVersion: d.policyVersion,
        remainingMinutes: d.remainingMinutes,
        explanationDueAt: d.explanationDueAt ?? null,
        // C4: an issued card stays issued; issuing it again (a replay) keeps what happened since.
        explained: card?.explained ?? false,
        explanation: card?.explanation ?? null,
        revoked: card?.revoked ?? false,
        revocation: card?.revocation ?? null,
        position: recorded.position,
      };
      return { unit: issued };
    }
    if (!card) throw new Error(`${event.type} ${event.eventId} names a card that was never issued`);
    if (event.type === 'ExplanationSubmitted') {
      const explained: Built<CardDocument> = {
        ...card,
        explained: true,
        explanation: { text: event.data.text, submittedAt: event.occurredAt, late: event.data.late },
      };
      return { unit: explained };
    }
    if (event.type === 'CardRevoked') {
      const revoked: Built<CardDocument> = {
        ...card,
        revoked: true,
        revocation: { reason: event.data.reason, revokedAt: event.occurredAt },
      };
      return { unit: revoked };
    }
    throw new Error(`${event.type} ${event.eventId} is not a card event`);
  },
};
