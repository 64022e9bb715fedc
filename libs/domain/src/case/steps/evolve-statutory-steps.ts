import type { EpochMs } from '../../calendar/calendar-types.js';
import { parseInstant } from '../../calendar/index.js';
import type { CaseState, EvaluationRecord } from '../case-state.js';
import type { StatutoryStepEvent } from '../step-events.js';

const withEvaluation = (
  s: CaseState,
  evaluationNo: number,
  change: (e: EvaluationRecord) => EvaluationRecord,
): CaseState => ({
  ...s,
  evaluations: s.evaluations.map((e) => (e.evaluationNo === evaluationNo ? change(e) : e)),
});

/** evolve for the steps of T12, T13, P5 and P6 (`s` already carries the new revision). */
export function evolveStatutoryStep(s: CaseState, event: StatutoryStepEvent, occurred: EpochMs): CaseState {
  switch (event.type) {
    case 'DecisionDelivered':
      return {
        ...s,
        status: 'completed',
        closedAt: occurred,
        ...(s.decision && { decision: { ...s.decision, deliveredAt: occurred } }),
      };
    case 'PreliminaryReviewCompleted':
      return {
        ...s,
        preliminaryReview: {
          dueAt: s.preliminaryReview?.dueAt ?? parseInstant(event.data.dueAt),
          completedAt: occurred,
          forwardedTo: event.data.forwardedTo,
        },
      };
    case 'EvaluationInvitationIssued':
      return {
        ...s,
        invitations: [
          ...s.invitations,
          { invitationId: event.data.invitationId, expiresAt: parseInstant(event.data.expiresAt) },
        ],
      };
    case 'EvaluationCallbackRecorded':
      return withEvaluation(s, event.data.evaluationNo, (e) => ({ ...e, calledBackAt: occurred }));
    case 'EvaluationAppealed':
      return withEvaluation(s, event.data.evaluationNo, (e) => ({ ...e, appealedAt: occurred }));
    case 'EvaluationAppealDecided':
      return withEvaluation(s, event.data.evaluationNo, (e) => ({
        ...e,
        appealDecidedAt: occurred,
        appealUpheld: event.data.upheld,
      }));
  }
}
