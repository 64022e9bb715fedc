/**
 * A1, one event at a time: the rules that find a violation as its event is recorded (N2–N4, F3,
 * T6, T7, T12, T13, C5, P3–P6, U2). The state they keep is detection-state.ts; the violations
 * it proves, with the overdue cards (C2, C3), are proven-violations.ts.
 */
import { parseInstant } from '../calendar/index.js';
import { BACKDATE_TOLERANCE_MS } from '../case/decision-context.js';
import {
  foldCaseFields,
  isCited,
  issueOf,
  type DetectedActor,
  type DetectedCard,
  type DetectionState,
  type RecordedCaseEvent,
} from './detection-state.js';
import { fromActor, type Party } from './violation-party.js';
import { VIOLATION_RULES, type Violation, type ViolationCode } from './violation.js';

// Its importers (the projection, the read model, detectViolations) read detection from here.
export {
  initialDetectionState,
  type DetectedActor,
  type DetectedCard,
  type DetectionState,
  type RecordedCaseEvent,
} from './detection-state.js';
export { violationsOf } from './proven-violations.js';

const cardLevel = { WarningIssued: 'warning', YellowCardIssued: 'yellow', RedCardIssued: 'red' } as const;

/**
 * A1: the detection state after one more event of the case. Pure; `detectViolations` is the fold of
 * it over a case's events, and a projection keeps the state in place of the events.
 */
export function detectionStep(before: DetectionState, e: RecordedCaseEvent): DetectionState {
  let s = foldCaseFields(before, e);
  const type = e.type;
  if (isCited(type) && s.firstIds[type] === undefined)
    s = { ...s, firstIds: { ...s.firstIds, [type]: e.eventId } };
  const found: Violation[] = [];
  const add = (code: ViolationCode, evidence: (string | undefined)[], party: Party): void => {
    const ids = evidence.filter((x): x is string => x !== undefined);
    found.push({
      violationId: `${code}:${ids[ids.length - 1]}`,
      code,
      rule: VIOLATION_RULES[code],
      caseId: s.caseId ?? '',
      ...party,
      detectedAt: e.recordedAt,
      evidence: ids,
    });
  };
  // Most violations: proven by earlier events and this one, held against `by`, found when recorded.
  const flag = (
    code: ViolationCode,
    by: DetectedActor | undefined,
    ...earlier: (string | undefined)[]
  ): void => add(code, [...earlier, e.eventId], fromActor(by, s));
  const first = s.firstIds;
  const evaluation = (no: number): string | undefined =>
    s.evaluations.find((x) => x.evaluationNo === no)?.eventId;
  // U2: the step happened more than 10 minutes before it was recorded.
  if (parseInstant(e.recordedAt) - parseInstant(e.occurredAt) > BACKDATE_TOLERANCE_MS)
    flag('BACKDATED_ENTRY', e.actor);

  switch (e.type) {
    case 'SupplementRequested':
      if (e.data.late) flag('LATE_NOTICE', e.actor, first.ApplicationReceived);
      if (e.data.repeated) flag('REPEATED_NOTICE', e.actor, first.SupplementRequested);
      break;
    case 'ApplicationRejected':
      if (e.data.reasons.length === 0 || (e.data.outsideCompetence && !e.data.competentAuthority))
        flag('REJECTION_WITHOUT_REASON', e.actor);
      break;
    case 'ExtensionGranted': {
      // T7: granted (recorded) or told to the applicant only after the old deadline had passed.
      const due = parseInstant(e.data.previousDeadline);
      if (parseInstant(e.recordedAt) > due || parseInstant(e.data.applicantNotifiedAt) > due)
        flag('EXTENSION_IRREGULAR', e.actor, first.ApplicationAccepted);
      break;
    }
    case 'ReferralFollowUpWarningIssued':
      flag('REFERRAL_NOT_FOLLOWED', s.firstResponder, first.InquiryReferred);
      break;
    case 'WarningIssued':
    case 'YellowCardIssued':
    case 'RedCardIssued': {
      const card: DetectedCard = {
        cardId: e.data.cardId,
        eventId: e.eventId,
        level: cardLevel[e.type],
        recordedAt: e.recordedAt,
        ...(e.data.windowId !== undefined && { windowId: e.data.windowId }),
        ...(e.data.departmentId !== undefined && { departmentId: e.data.departmentId }),
      };
      s = { ...s, cards: [...s.cards, card] };
      break;
    }
    case 'CardRevoked':
      if (!s.revoked.includes(e.data.cardId)) s = { ...s, revoked: [...s.revoked, e.data.cardId] };
      break;
    case 'StepOverdueFlagged': {
      const step = e.data.step;
      if (step === 'supplement_notice') flag('LATE_NOTICE', s.receiver, first.ApplicationReceived);
      else if (step === 'explanation')
        flag('EXPLANATION_MISSING', s.acceptor, issueOf(s, e.data.ref)?.eventId);
      else if (step === 'delivery' || step === 'preliminary_review') {
        s = withFlag(s, step);
        flag(
          step === 'delivery' ? 'LATE_DELIVERY' : 'LATE_PRELIMINARY_REVIEW',
          s.acceptor,
          first.ApplicationAccepted,
        );
      } else if (step === 'callback') {
        s = withFlag(s, `callback:${e.data.ref}`);
        flag('CALLBACK_MISSING', s.acceptor ?? s.receiver, evaluation(Number(e.data.ref)));
      } else if (step === 'rectification')
        flag('BAD_REVIEW_NOT_RECTIFIED', s.acceptor ?? s.receiver, evaluation(Number(e.data.ref)));
      break;
    }
    case 'ComplaintFiled': {
      const filed = { complaintId: e.data.complaintId, eventId: e.eventId, subject: e.data.subject };
      s = { ...s, complaints: replacingSameKey(s.complaints, 'complaintId', filed) };
      break;
    }
    case 'ComplaintConcluded': {
      if (!e.data.substantiated) break;
      const filed = s.complaints.find((c) => c.complaintId === e.data.complaintId);
      // P3: held against the staff member or window complained about, else whoever handled the case.
      const base = fromActor(s.acceptor ?? s.receiver, before);
      const subject = filed?.subject;
      const { staffName: _named, ...unnamed } = base;
      const party: Party =
        subject?.kind === 'staff' && subject.id
          ? { ...unnamed, staffId: subject.id }
          : subject?.kind === 'window' && subject.id
            ? { ...base, windowId: subject.id }
            : base;
      add('COMPLAINT_SUBSTANTIATED', [filed?.eventId, e.eventId], party);
      break;
    }
    case 'EvaluationSubmitted': {
      const rated = { evaluationNo: e.data.evaluationNo, eventId: e.eventId };
      s = { ...s, evaluations: replacingSameKey(s.evaluations, 'evaluationNo', rated) };
      // P5: a rating staff entered for the applicant is flagged, against whoever entered it.
      if (e.data.channel === 'proxy') flag('PROXY_RATING', e.actor);
      break;
    }
    case 'CaseSuspended':
      // T6: a local suspension type, allowed by the center, is recorded as such for audit.
      if (e.data.local === true) flag('LOCAL_SUSPENSION', e.actor);
      break;
    // T12, T13, P6: a step recorded past its limit is the violation, unless supervision flagged it first.
    case 'DecisionDelivered':
      if (e.data.late && !s.stepFlags.includes('delivery'))
        flag('LATE_DELIVERY', e.actor, first.CaseCompleted);
      break;
    case 'PreliminaryReviewCompleted':
      if (e.data.late && !s.stepFlags.includes('preliminary_review'))
        flag('LATE_PRELIMINARY_REVIEW', e.actor, first.ApplicationAccepted);
      break;
    case 'EvaluationCallbackRecorded':
      if (e.data.late && !s.stepFlags.includes(`callback:${e.data.evaluationNo}`))
        flag('CALLBACK_MISSING', e.actor, evaluation(e.data.evaluationNo));
      break;
    default:
      break;
  }
  return found.length === 0 ? s : { ...s, found: [...s.found, ...found] };
}

const withFlag = (s: DetectionState, key: string): DetectionState =>
  s.stepFlags.includes(key) ? s : { ...s, stepFlags: [...s.stepFlags, key] };

/** The list with `entry` last, replacing an earlier entry of the same `key` (complaint id, evaluation no). */
const replacingSameKey = <T, K extends keyof T>(list: readonly T[], key: K, entry: T): T[] => [
  ...list.filter((x) => x[key] !== entry[key]),
  entry,
];
