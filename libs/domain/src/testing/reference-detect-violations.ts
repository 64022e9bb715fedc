/**
 * The violation detector as it was before detection-step.ts (accountability 4): it re-folds the
 * case's state over every event and re-reads every event for unrevoked cards. Kept, unchanged, only
 * as the reference the equivalence specs compare `detectViolations` (the fold of `detectionStep`)
 * with; nothing else may import it.
 */
import type { Actor } from '../actor/actor.js';
import type { RecordedCaseEvent } from '../accountability/detection-step.js';
import { VIOLATION_RULES, type Violation, type ViolationCode } from '../accountability/violation.js';
import { parseInstant } from '../calendar/index.js';
import type { CaseEvent } from '../case/case-events.js';
import { evolve } from '../case/evolve.js';
import { initialState, type CaseState } from '../case/case-state.js';
import { BACKDATE_TOLERANCE_MS } from '../case/decision-context.js';

interface Party {
  readonly staffId?: string;
  readonly staffName?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
}

const fromActor = (a: Actor | undefined, state: CaseState): Party => ({
  ...(a && { staffId: a.id, staffName: a.name }),
  ...((a?.windowId ?? state.windowId) !== undefined && { windowId: a?.windowId ?? state.windowId }),
  ...((state.departmentId ?? a?.departmentId) !== undefined && {
    departmentId: state.departmentId ?? a?.departmentId,
  }),
});

/** A1 as accountability 4 detected it (module comment). */
export function referenceDetectViolations(events: readonly RecordedCaseEvent[]): Violation[] {
  const out: Violation[] = [];
  let state = initialState;
  const firstOfType = new Map<string, string>(); // the first event of each type → its id
  let receiver: Actor | undefined;
  let acceptor: Actor | undefined;
  const firstIdOf = (type: CaseEvent['type']): string | undefined => firstOfType.get(type);
  const cardEvents = new Map<string, string>();
  const complaintEvents = new Map<string, { id: string; subject: { kind: string; id?: string } }>();
  const evaluationEvents = new Map<number, string>();
  const revoked = new Set<string>();
  const stepFlags = new Set<string>(); // T12, T13, P6 steps supervision has flagged

  const add = (
    code: ViolationCode,
    evidence: (string | undefined)[],
    party: Party,
    recordedAt: string,
  ): void => {
    const ids = evidence.filter((x): x is string => x !== undefined);
    out.push({
      violationId: `${code}:${ids[ids.length - 1]}`,
      code,
      rule: VIOLATION_RULES[code],
      caseId: state.caseId ?? '',
      ...party,
      detectedAt: recordedAt,
      evidence: ids,
    });
  };

  for (const e of events) {
    const before = state;
    state = evolve(state, e);
    if (!firstOfType.has(e.type)) firstOfType.set(e.type, e.eventId);
    // Most violations: proven by earlier events and this one, held against `by`, found when recorded.
    const flag = (code: ViolationCode, by: Actor | undefined, ...earlier: (string | undefined)[]): void =>
      add(code, [...earlier, e.eventId], fromActor(by, state), e.recordedAt);
    // U2: the step happened more than 10 minutes before it was recorded.
    if (parseInstant(e.recordedAt) - parseInstant(e.occurredAt) > BACKDATE_TOLERANCE_MS)
      flag('BACKDATED_ENTRY', e.actor);

    switch (e.type) {
      case 'ApplicationReceived':
        receiver = e.actor;
        break;
      case 'ApplicationAccepted':
        acceptor = e.actor;
        break;
      case 'SupplementRequested':
        if (e.data.late) flag('LATE_NOTICE', e.actor, firstIdOf('ApplicationReceived'));
        if (e.data.repeated) flag('REPEATED_NOTICE', e.actor, firstIdOf('SupplementRequested'));
        break;
      case 'ApplicationRejected':
        if (e.data.reasons.length === 0 || (e.data.outsideCompetence && !e.data.competentAuthority))
          flag('REJECTION_WITHOUT_REASON', e.actor);
        break;
      case 'ExtensionGranted': {
        // T7: granted (recorded) or told to the applicant only after the old deadline had passed.
        const due = parseInstant(e.data.previousDeadline);
        if (parseInstant(e.recordedAt) > due || parseInstant(e.data.applicantNotifiedAt) > due)
          flag('EXTENSION_IRREGULAR', e.actor, firstIdOf('ApplicationAccepted'));
        break;
      }
      case 'ReferralFollowUpWarningIssued':
        flag('REFERRAL_NOT_FOLLOWED', state.firstResponder, firstIdOf('InquiryReferred'));
        break;
      case 'WarningIssued':
      case 'YellowCardIssued':
      case 'RedCardIssued':
        cardEvents.set(e.data.cardId, e.eventId);
        break;
      case 'CardRevoked':
        revoked.add(e.data.cardId);
        break;
      case 'StepOverdueFlagged':
        if (e.data.step === 'supplement_notice')
          flag('LATE_NOTICE', receiver, firstIdOf('ApplicationReceived'));
        else if (e.data.step === 'explanation')
          flag('EXPLANATION_MISSING', acceptor, cardEvents.get(e.data.ref));
        else if (e.data.step === 'delivery' || e.data.step === 'preliminary_review') {
          const code = e.data.step === 'delivery' ? 'LATE_DELIVERY' : 'LATE_PRELIMINARY_REVIEW';
          stepFlags.add(e.data.step);
          flag(code, acceptor, firstIdOf('ApplicationAccepted'));
        } else if (e.data.step === 'callback') {
          stepFlags.add(`callback:${e.data.ref}`);
          flag('CALLBACK_MISSING', acceptor ?? receiver, evaluationEvents.get(Number(e.data.ref)));
        } else if (e.data.step === 'rectification')
          flag('BAD_REVIEW_NOT_RECTIFIED', acceptor ?? receiver, evaluationEvents.get(Number(e.data.ref)));
        break;
      case 'ComplaintFiled':
        complaintEvents.set(e.data.complaintId, { id: e.eventId, subject: e.data.subject });
        break;
      case 'ComplaintConcluded': {
        if (!e.data.substantiated) break;
        const filed = complaintEvents.get(e.data.complaintId);
        const base = fromActor(acceptor ?? receiver, before);
        const subject = filed?.subject;
        const party: Party =
          subject?.kind === 'staff' && subject.id
            ? { ...base, staffId: subject.id, staffName: undefined }
            : subject?.kind === 'window' && subject.id
              ? { ...base, windowId: subject.id }
              : base;
        add('COMPLAINT_SUBSTANTIATED', [filed?.id, e.eventId], dropUndefined(party), e.recordedAt);
        break;
      }
      case 'EvaluationSubmitted':
        evaluationEvents.set(e.data.evaluationNo, e.eventId);
        // P5: a rating staff entered for the applicant is flagged, against whoever entered it.
        if (e.data.channel === 'proxy') flag('PROXY_RATING', e.actor);
        break;
      case 'CaseSuspended':
        // T6: a local suspension type, allowed by the center, is recorded as such for audit.
        if (e.data.local === true) flag('LOCAL_SUSPENSION', e.actor);
        break;
      // T12, T13, P6: a step recorded past its limit is the violation, unless supervision flagged it first.
      case 'DecisionDelivered':
        if (e.data.late && !stepFlags.has('delivery'))
          flag('LATE_DELIVERY', e.actor, firstIdOf('CaseCompleted'));
        break;
      case 'PreliminaryReviewCompleted':
        if (e.data.late && !stepFlags.has('preliminary_review'))
          flag('LATE_PRELIMINARY_REVIEW', e.actor, firstIdOf('ApplicationAccepted'));
        break;
      case 'EvaluationCallbackRecorded':
        if (e.data.late && !stepFlags.has(`callback:${e.data.evaluationNo}`))
          flag('CALLBACK_MISSING', e.actor, evaluationEvents.get(e.data.evaluationNo));
        break;
      default:
        break;
    }
  }

  // C2, C3: overdue cards count unless a supervisor revoked them (C4).
  for (const e of events) {
    if ((e.type === 'YellowCardIssued' || e.type === 'RedCardIssued') && !revoked.has(e.data.cardId)) {
      const code: ViolationCode = e.type === 'YellowCardIssued' ? 'OVERDUE' : 'SERIOUSLY_OVERDUE';
      const accepted = events.find((x) => x.type === 'ApplicationAccepted');
      const party: Party = {
        ...(acceptor && { staffId: acceptor.id, staffName: acceptor.name }),
        ...(e.data.windowId !== undefined && { windowId: e.data.windowId }),
        ...(e.data.departmentId !== undefined && { departmentId: e.data.departmentId }),
      };
      add(code, [accepted?.eventId, e.eventId], party, e.recordedAt);
    }
  }
  // An explanation missing for a revoked card is no longer held against anyone (C4).
  return out.filter(
    (v) =>
      !(v.code === 'EXPLANATION_MISSING' && [...revoked].some((c) => v.evidence[0] === cardEvents.get(c))),
  );
}

function dropUndefined(p: Party): Party {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Party;
}
