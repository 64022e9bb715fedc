import type { Actor } from '../actor/actor.js';
import { parseInstant } from '../calendar/index.js';
import type { CaseEvent } from '../case/case-events.js';
import { BACKDATE_TOLERANCE_MS } from '../case/decision-context.js';
import type { ComplaintSubject } from '../case/oversight-events.js';
import { VIOLATION_RULES, type Violation, type ViolationCode } from './violation.js';

/** A case event as the store returns it: the domain fact plus its id and recording time. */
export type RecordedCaseEvent = CaseEvent & { readonly eventId: string; readonly recordedAt: string };

/** The event types whose first event a rule cites as evidence (N2, N3, T7, T12, T13, F3, C2, C3). */
type CitedType =
  'ApplicationReceived' | 'ApplicationAccepted' | 'SupplementRequested' | 'InquiryReferred' | 'CaseCompleted';
const CITED: ReadonlySet<string> = new Set<CitedType>([
  'ApplicationReceived',
  'ApplicationAccepted',
  'SupplementRequested',
  'InquiryReferred',
  'CaseCompleted',
]);
const isCited = (type: string): type is CitedType => CITED.has(type);

/** A card as issued (C1–C3): the event that issued it and what C2/C3 hold against. */
export interface DetectedCard {
  readonly cardId: string;
  readonly eventId: string;
  readonly level: 'warning' | 'yellow' | 'red';
  readonly recordedAt: string;
  readonly windowId?: string;
  readonly departmentId?: string;
}

/** Who a rule holds a violation against: what `fromActor` reads of an actor, no more. */
export type DetectedActor = Pick<Actor, 'id' | 'name' | 'windowId' | 'departmentId'>;

const detected = (a: Actor): DetectedActor => ({
  id: a.id,
  name: a.name,
  ...(a.windowId !== undefined && { windowId: a.windowId }),
  ...(a.departmentId !== undefined && { departmentId: a.departmentId }),
});

/**
 * What violation detection (A1) keeps of a case between events: the few fields of the case's state
 * the rules read (its id, window, department, first responder: as evolve folds them), who received
 * and accepted it, the first ids the rules cite, the cards, revocations, complaints, evaluations and
 * step flags the later rules look back at, and the violations found so far except C2/C3 (derived
 * from the cards by `violationsOf`). Plain data (strings, numbers, arrays, subdocuments): a read
 * model stores it as it is. It grows with a case's violations, cards, complaints and evaluations,
 * never with its other events. The rules bound parts (5 first ids; 3 evaluations, P5; 5 step flags;
 * 3 cards per deadline, C4, a deadline per acceptance, extension and resumption), not the whole:
 * suspensions (T6), notices (N3), complaints (P1) and back-dated entries (U2) are not limited.
 */
export interface DetectionState {
  readonly caseId?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
  readonly firstResponder?: DetectedActor;
  readonly receiver?: DetectedActor;
  readonly acceptor?: DetectedActor;
  readonly firstIds: Partial<Record<CitedType, string>>;
  /** Every card issue in order (a card id issued again: its latest issue is the one C5 cites). */
  readonly cards: readonly DetectedCard[];
  /** C4: the card ids a supervisor revoked. */
  readonly revoked: readonly string[];
  readonly complaints: readonly {
    readonly complaintId: string;
    readonly eventId: string;
    readonly subject: ComplaintSubject;
  }[];
  readonly evaluations: readonly { readonly evaluationNo: number; readonly eventId: string }[];
  /** T12, T13, P6: the steps supervision flagged (`delivery`, `preliminary_review`, `callback:<no>`). */
  readonly stepFlags: readonly string[];
  /**
   * The violations found when their events were recorded (every rule but C2, C3), in order. Not
   * derivable from violationsOf's: it drops an explanation missing for a revoked card (C4), back if
   * the card id is issued again, which the rules allow (an id is a level and a deadline's minute,
   * cardIdFor; a resumption moves a deadline by office milliseconds, T6).
   */
  readonly found: readonly Violation[];
}

export const initialDetectionState: DetectionState = {
  firstIds: {},
  cards: [],
  revoked: [],
  complaints: [],
  evaluations: [],
  stepFlags: [],
  found: [],
};

interface Party {
  readonly staffId?: string;
  readonly staffName?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
}

type Folded = Pick<DetectionState, 'windowId' | 'departmentId'>;

const fromActor = (a: DetectedActor | undefined, s: Folded): Party => ({
  ...(a && { staffId: a.id, staffName: a.name }),
  ...((a?.windowId ?? s.windowId) !== undefined && { windowId: a?.windowId ?? s.windowId }),
  ...((s.departmentId ?? a?.departmentId) !== undefined && {
    departmentId: s.departmentId ?? a?.departmentId,
  }),
});

/** The fields of the case's state the rules read, as evolve folds them (evolve-case-steps.ts). */
function fold(s: DetectionState, e: RecordedCaseEvent): DetectionState {
  switch (e.type) {
    case 'InquiryRegistered':
      return { ...s, caseId: e.data.caseId, firstResponder: detected(e.data.firstResponder) };
    case 'ApplicationReceived':
      return {
        ...s,
        receiver: detected(e.actor),
        departmentId: e.data.departmentId,
        ...(e.data.windowId !== undefined && { windowId: e.data.windowId }),
      };
    case 'ApplicationAccepted':
      // A proxy's application has no window until a window accepts it (as evolve).
      return {
        ...s,
        acceptor: detected(e.actor),
        ...(s.windowId === undefined && e.actor.windowId !== undefined && { windowId: e.actor.windowId }),
      };
    default:
      return s;
  }
}

const cardLevel = { WarningIssued: 'warning', YellowCardIssued: 'yellow', RedCardIssued: 'red' } as const;

/**
 * A1: the detection state after one more event of the case. Pure; `detectViolations` is the fold of
 * it over a case's events, and a projection keeps the state in place of the events.
 */
export function detectionStep(before: DetectionState, e: RecordedCaseEvent): DetectionState {
  let s = fold(before, e);
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
    case 'ComplaintFiled':
      s = {
        ...s,
        complaints: [
          ...s.complaints.filter((c) => c.complaintId !== e.data.complaintId),
          { complaintId: e.data.complaintId, eventId: e.eventId, subject: e.data.subject },
        ],
      };
      break;
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
    case 'EvaluationSubmitted':
      s = {
        ...s,
        evaluations: [
          ...s.evaluations.filter((x) => x.evaluationNo !== e.data.evaluationNo),
          { evaluationNo: e.data.evaluationNo, eventId: e.eventId },
        ],
      };
      // P5: a rating staff entered for the applicant is flagged, against whoever entered it.
      if (e.data.channel === 'proxy') flag('PROXY_RATING', e.actor);
      break;
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

/** The latest issue of a card (C5 cites it). */
const issueOf = (s: DetectionState, cardId: string): DetectedCard | undefined =>
  s.cards.findLast((c) => c.cardId === cardId);

const withFlag = (s: DetectionState, key: string): DetectionState =>
  s.stepFlags.includes(key) ? s : { ...s, stepFlags: [...s.stepFlags, key] };

/**
 * A1: the violations the state proves: those found as events were recorded, less an explanation
 * missing for a card since revoked (C4), then the overdue cards (C2 yellow, C3 red) not revoked (C4),
 * held against whoever accepted the case, in the order the cards were issued.
 */
export function violationsOf(s: DetectionState): Violation[] {
  const revokedIssues = new Set(
    s.revoked.map((c) => issueOf(s, c)?.eventId).filter((x): x is string => x !== undefined),
  );
  const kept = s.found.filter(
    (v) => !(v.code === 'EXPLANATION_MISSING' && revokedIssues.has(v.evidence[0] ?? '')),
  );
  const accepted = s.firstIds.ApplicationAccepted;
  const overdue = s.cards
    .filter((c) => c.level !== 'warning' && !s.revoked.includes(c.cardId))
    .map((c): Violation => {
      const code: ViolationCode = c.level === 'yellow' ? 'OVERDUE' : 'SERIOUSLY_OVERDUE';
      const ids = accepted === undefined ? [c.eventId] : [accepted, c.eventId];
      return {
        violationId: `${code}:${c.eventId}`,
        code,
        rule: VIOLATION_RULES[code],
        caseId: s.caseId ?? '',
        ...(s.acceptor && { staffId: s.acceptor.id, staffName: s.acceptor.name }),
        ...(c.windowId !== undefined && { windowId: c.windowId }),
        ...(c.departmentId !== undefined && { departmentId: c.departmentId }),
        detectedAt: c.recordedAt,
        evidence: ids,
      };
    });
  return [...kept, ...overdue];
}
