import { parseInstant } from '../calendar/index.js';
import type { CaseEvent } from './case-events.js';
import type { CardRecord, CaseState } from './case-state.js';
import { stepFlagKey } from './case-state.js';
import { eraseIdentifiers } from '../privacy/mask-applicant.js';
import { evolveStatutoryStep } from './steps/evolve-statutory-steps.js';

const at = (iso: string): number => parseInstant(iso);

/** Applies one recorded fact to the state. Pure and total: events are facts, never refused here. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const occurred = at(event.occurredAt);
  const s: CaseState = {
    ...state,
    revision: state.revision + 1,
    lastOccurredAt: Math.max(state.lastOccurredAt ?? occurred, occurred),
  };
  switch (event.type) {
    case 'InquiryRegistered': {
      const d = event.data;
      return {
        ...s,
        status: 'inquiry',
        caseId: d.caseId,
        centerId: d.centerId,
        channel: d.channel,
        applicant: d.applicant,
        firstResponder: d.firstResponder,
        inquiredAt: occurred,
      };
    }
    case 'InquiryAnswered':
      return {
        ...s,
        status: 'answered',
        closedAt: occurred,
        referral: s.referral && { ...s.referral, closedAt: s.referral.closedAt ?? occurred },
      };
    case 'InquiryReferred': {
      const d = event.data;
      return {
        ...s,
        status: 'referred',
        referral: {
          toDepartmentId: d.toDepartmentId,
          ...(d.toWindowId !== undefined && { toWindowId: d.toWindowId }),
          handlerName: d.handlerName,
          referredAt: occurred,
          followUpDueAt: at(d.followUpDueAt),
        },
      };
    }
    case 'ApplicationReceived': {
      const d = event.data;
      return {
        ...s,
        status: 'received',
        matter: d.matter,
        departmentId: d.departmentId,
        ...(d.windowId !== undefined && { windowId: d.windowId }),
        ...(event.actor.role === 'proxy' && { proxyId: event.actor.id }),
        receivedAt: occurred,
        noticeDueAt: at(d.noticeDueAt),
        submittedMaterialCodes: d.materials.map((m) => m.code),
        referral: s.referral && { ...s.referral, closedAt: s.referral.closedAt ?? occurred },
      };
    }
    case 'SupplementRequested': {
      const d = event.data;
      return {
        ...s,
        status: 'awaitingSupplement',
        notices: [
          ...s.notices,
          {
            noticeNo: d.noticeNo,
            sequence: d.sequence,
            issuedAt: occurred,
            late: d.late,
            repeated: d.repeated,
          },
        ],
      };
    }
    case 'SupplementReceived': {
      const known = new Set(s.submittedMaterialCodes);
      const fresh = event.data.materials.filter((m) => !known.has(m.code));
      return {
        ...s,
        status: 'received',
        resubmittedMaterials: fresh,
        submittedMaterialCodes: [...s.submittedMaterialCodes, ...fresh.map((m) => m.code)],
      };
    }
    case 'ApplicationRejected':
      return { ...s, status: 'rejected', closedAt: occurred };
    case 'ApplicationAccepted': {
      const d = event.data;
      const deadline = at(d.deadline);
      return {
        ...s,
        status: 'accepted',
        acceptance: {
          receiptNo: d.receiptNo,
          acceptedAt: occurred,
          clockStartsAt: at(d.clockStartsAt),
          ...(d.limitDays !== undefined && { limitDays: d.limitDays }),
          ...(d.limitMinutes !== undefined && { limitMinutes: d.limitMinutes }),
          originalDeadline: deadline,
        },
        deadline,
        provisional: d.provisional,
        calendarVersion: d.calendarVersion,
        policyVersion: d.policyVersion,
        ...(d.preliminaryReviewDueAt !== undefined && {
          preliminaryReview: { dueAt: at(d.preliminaryReviewDueAt) },
        }),
        // A proxy's application has no window until a window accepts it; cards and A2 ledgers need one.
        ...(s.windowId === undefined &&
          event.actor.windowId !== undefined && { windowId: event.actor.windowId }),
      };
    }
    case 'CaseSuspended':
      return {
        ...s,
        status: 'suspended',
        suspensions: [
          ...s.suspensions,
          {
            suspensionNo: event.data.suspensionNo,
            suspensionType: event.data.suspensionType,
            suspendedAt: occurred,
          },
        ],
      };
    case 'CaseResumed':
      return {
        ...s,
        status: 'accepted',
        suspensions: s.suspensions.map((p) =>
          p.suspensionNo === event.data.suspensionNo ? { ...p, resumedAt: occurred } : p,
        ),
        deadline: at(event.data.deadline),
        provisional: event.data.provisional,
        calendarVersion: event.data.calendarVersion,
      };
    case 'ExtensionGranted':
      return {
        ...s,
        extension: {
          days: event.data.days,
          grantedAt: occurred,
          previousDeadline: at(event.data.previousDeadline),
        },
        deadline: at(event.data.deadline),
        provisional: event.data.provisional,
        calendarVersion: event.data.calendarVersion,
      };
    case 'CaseCompleted': {
      // T12: an approval waits for delivery; a denial (and every version-1 decision) closes the case.
      const pending = event.data.delivery === 'pending';
      return {
        ...s,
        status: pending ? 'decided' : 'completed',
        completedAt: occurred,
        ...(!pending && { closedAt: occurred }),
        onTime: event.data.onTime,
        decision: {
          outcome: event.data.outcome,
          decidedAt: occurred,
          ...(event.data.deliveryDueAt !== undefined && { deliveryDueAt: at(event.data.deliveryDueAt) }),
        },
      };
    }
    case 'CaseWithdrawn':
      return {
        ...s,
        status: 'withdrawn',
        closedAt: occurred,
        suspensions: s.suspensions.map((p) =>
          p.resumedAt === undefined ? { ...p, resumedAt: occurred } : p,
        ),
      };
    case 'ComplaintFiled':
      return {
        ...s,
        complaints: [
          ...s.complaints,
          { complaintId: event.data.complaintId, filedAt: occurred, dueAt: at(event.data.dueAt) },
        ],
      };
    case 'ComplaintConcluded':
      return {
        ...s,
        complaints: s.complaints.map((c) =>
          c.complaintId === event.data.complaintId
            ? { ...c, concludedAt: occurred, substantiated: event.data.substantiated }
            : c,
        ),
      };
    case 'EvaluationSubmitted':
      return {
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
      };
    case 'EvaluationRectified':
      return {
        ...s,
        evaluations: s.evaluations.map((e) =>
          e.evaluationNo === event.data.evaluationNo ? { ...e, rectifiedAt: occurred } : e,
        ),
      };
    case 'WarningIssued':
    case 'YellowCardIssued':
    case 'RedCardIssued': {
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
    }
    case 'StepOverdueFlagged':
      return { ...s, raisedFlags: [...s.raisedFlags, stepFlagKey(event.data.step, event.data.ref)] };
    case 'ReferralFollowUpWarningIssued':
      return { ...s, raisedFlags: [...s.raisedFlags, stepFlagKey('referral', 'follow-up-warning')] };
    case 'ExplanationSubmitted':
      return {
        ...s,
        cards: s.cards.map((c) => (c.cardId === event.data.cardId ? { ...c, explainedAt: occurred } : c)),
      };
    case 'CardRevoked':
      return {
        ...s,
        cards: s.cards.map((c) => (c.cardId === event.data.cardId ? { ...c, revokedAt: occurred } : c)),
      };
    case 'AccountabilityActionRecorded':
      return { ...s, actionIds: [...s.actionIds, event.data.actionId] };
    case 'PublicCriticismRecommended':
      return { ...s, publicCriticismRecommended: true };
    case 'PersonalDataErased':
      // I2: whatever was folded before (a view built earlier) shows the identifiers as erased.
      return { ...s, applicant: s.applicant && eraseIdentifiers(s.applicant) };
    default:
      return evolveStatutoryStep(s, event, occurred);
  }
}

/** Folds a case's events into its state (U4: any past state from events alone). */
export function foldCase(events: readonly CaseEvent[], from: CaseState): CaseState {
  return events.reduce(evolve, from);
}
