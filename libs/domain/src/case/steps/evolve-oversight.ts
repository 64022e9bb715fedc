/** evolve for what oversees a case: complaints, evaluations, cards and flags, accountability, erasure (P, C, A, I). */
import { parseInstant } from '../../calendar/index.js';
import { eraseIdentifiers } from '../../privacy/mask-applicant.js';
import type { EpochMs } from '../../calendar/calendar-types.js';
import type { CaseEventOf, CARD_EVENT_TYPES } from '../case-events.js';
import type { CardRecord, CaseState } from '../case-state.js';
import { stepFlagKey } from '../case-state.js';
import { changeEvaluation } from '../change-evaluation.js';
import type { Evolvers } from './step-tools.js';

type CardEventType = (typeof CARD_EVENT_TYPES)[number];

const at = (iso: string): number => parseInstant(iso);

/** C1–C3: every level of card is recorded alike. */
const cardIssued = (s: CaseState, event: CaseEventOf<CardEventType>, occurred: EpochMs): CaseState => {
  const d = event.data;
  const card: CardRecord = {
    cardId: d.cardId,
    level: d.level,
    issuedAt: occurred,
    deadline: at(d.deadline),
    cause: d.cause,
    ...(d.departmentId !== undefined && { departmentId: d.departmentId }),
    ...(d.explanationDueAt !== undefined && { explanationDueAt: at(d.explanationDueAt) }),
  };
  return { ...s, cards: [...s.cards, card] };
};

export const OVERSIGHT_EVOLVERS = {
  ComplaintFiled: (s, event, occurred) => ({
    ...s,
    complaints: [
      ...s.complaints,
      { complaintId: event.data.complaintId, filedAt: occurred, dueAt: at(event.data.dueAt) },
    ],
  }),
  ComplaintConcluded: (s, event, occurred) => ({
    ...s,
    complaints: s.complaints.map((c) =>
      c.complaintId === event.data.complaintId
        ? { ...c, concludedAt: occurred, substantiated: event.data.substantiated }
        : c,
    ),
  }),
  EvaluationSubmitted: (s, event, occurred) => ({
    ...s,
    evaluations: [
      ...s.evaluations,
      {
        evaluationNo: event.data.evaluationNo,
        score: event.data.score,
        submittedAt: occurred,
        ...(event.data.rectifyBy !== undefined && { rectifyBy: at(event.data.rectifyBy) }),
        ...(event.data.channel !== undefined && { channel: event.data.channel }),
        ...(event.data.invitationId !== undefined && { invitationId: event.data.invitationId }),
        ...(event.data.callbackDueAt !== undefined && { callbackDueAt: at(event.data.callbackDueAt) }),
      },
    ],
  }),
  EvaluationRectified: (s, event, occurred) => ({
    ...s,
    evaluations: changeEvaluation(s.evaluations, event.data.evaluationNo, (e) => ({
      ...e,
      rectifiedAt: occurred,
    })),
  }),
  WarningIssued: cardIssued,
  YellowCardIssued: cardIssued,
  RedCardIssued: cardIssued,
  StepOverdueFlagged: (s, event) => ({
    ...s,
    raisedFlags: [...s.raisedFlags, stepFlagKey(event.data.step, event.data.ref)],
  }),
  ReferralFollowUpWarningIssued: (s) => ({
    ...s,
    raisedFlags: [...s.raisedFlags, stepFlagKey('referral', 'follow-up-warning')],
  }),
  ExplanationSubmitted: (s, event, occurred) => ({
    ...s,
    cards: s.cards.map((c) => (c.cardId === event.data.cardId ? { ...c, explainedAt: occurred } : c)),
  }),
  CardRevoked: (s, event, occurred) => ({
    ...s,
    cards: s.cards.map((c) => (c.cardId === event.data.cardId ? { ...c, revokedAt: occurred } : c)),
  }),
  AccountabilityActionRecorded: (s, event) => ({ ...s, actionIds: [...s.actionIds, event.data.actionId] }),
  PublicCriticismRecommended: (s) => ({ ...s, publicCriticismRecommended: true }),
  PersonalDataErased: (s) => {
    // I2: whatever was folded before (a view built earlier) shows the identifiers as erased.
    return { ...s, applicant: s.applicant && eraseIdentifiers(s.applicant) };
  },
} satisfies Partial<Evolvers>;
