import { parseInstant } from '../../calendar/index.js';
import type { CaseState, EvaluationRecord } from '../case-state.js';
import { changeEvaluation } from '../change-evaluation.js';
import type { Evolvers } from './step-tools.js';

const withEvaluation = (
  s: CaseState,
  evaluationNo: number,
  change: (e: EvaluationRecord) => EvaluationRecord,
): CaseState => ({ ...s, evaluations: changeEvaluation(s.evaluations, evaluationNo, change) });

/** evolve for the steps of T12, T13, P5 and P6 (`s` already carries the new revision). */
export const STATUTORY_STEP_EVOLVERS = {
  DecisionDelivered: (s, _event, occurred) => ({
    ...s,
    status: 'completed',
    closedAt: occurred,
    ...(s.decision && { decision: { ...s.decision, deliveredAt: occurred } }),
  }),
  PreliminaryReviewCompleted: (s, event, occurred) => ({
    ...s,
    preliminaryReview: {
      dueAt: s.preliminaryReview?.dueAt ?? parseInstant(event.data.dueAt),
      completedAt: occurred,
      forwardedTo: event.data.forwardedTo,
    },
  }),
  EvaluationInvitationIssued: (s, event) => ({
    ...s,
    invitations: [
      ...s.invitations,
      { invitationId: event.data.invitationId, expiresAt: parseInstant(event.data.expiresAt) },
    ],
  }),
  EvaluationCallbackRecorded: (s, event, occurred) =>
    withEvaluation(s, event.data.evaluationNo, (e) => ({ ...e, calledBackAt: occurred })),
  EvaluationAppealed: (s, event, occurred) =>
    withEvaluation(s, event.data.evaluationNo, (e) => ({ ...e, appealedAt: occurred })),
  EvaluationAppealDecided: (s, event, occurred) =>
    withEvaluation(s, event.data.evaluationNo, (e) => ({
      ...e,
      appealDecidedAt: occurred,
      appealUpheld: event.data.upheld,
    })),
} satisfies Partial<Evolvers>;
