/**
 * The state violation detection (A1) keeps of a case between events (DetectionState), and how the
 * case's own events (registration, receipt, acceptance) move the few fields of it the rules read.
 */
import type { Actor } from '../actor/actor.js';
import type { CaseEvent } from '../case/case-events.js';
import type { ComplaintSubject } from '../case/oversight-events.js';
import type { Violation } from './violation.js';

/** A case event as the store returns it: the domain fact plus its id and recording time. */
export type RecordedCaseEvent = CaseEvent & { readonly eventId: string; readonly recordedAt: string };

/** The event types whose first event a rule cites as evidence (N2, N3, T7, T12, T13, F3, C2, C3). */
export type CitedType =
  'ApplicationReceived' | 'ApplicationAccepted' | 'SupplementRequested' | 'InquiryReferred' | 'CaseCompleted';
const CITED: ReadonlySet<string> = new Set<CitedType>([
  'ApplicationReceived',
  'ApplicationAccepted',
  'SupplementRequested',
  'InquiryReferred',
  'CaseCompleted',
]);
export const isCited = (type: string): type is CitedType => CITED.has(type);

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

/** The fields of the case's state the rules read, as evolve folds them (evolve-case-steps.ts). */
export function foldCaseFields(s: DetectionState, e: RecordedCaseEvent): DetectionState {
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

/** The latest issue of a card (C5 cites it). */
export const issueOf = (s: DetectionState, cardId: string): DetectedCard | undefined =>
  s.cards.findLast((c) => c.cardId === cardId);
