import type { Actor } from '../actor/actor.js';
import type { EpochMs } from '../calendar/calendar-types.js';
import type {
  Applicant,
  CardLevel,
  Channel,
  EvaluationChannel,
  MaterialRef,
  MatterSnapshot,
  StepKind,
  SuspensionType,
} from './case-events.js';

/** The lifecycle of DOMAIN.md: closed states are answered, rejected, completed, withdrawn. */
export type CaseStatus =
  | 'none'
  | 'inquiry'
  | 'referred'
  | 'answered'
  | 'received'
  | 'awaitingSupplement'
  | 'rejected'
  | 'accepted'
  | 'suspended'
  /** T12: an approval decided, its licence not yet delivered; the clock of the case has stopped. */
  | 'decided'
  | 'completed'
  | 'withdrawn';

export const CLOSED_STATUSES: readonly CaseStatus[] = ['answered', 'rejected', 'completed', 'withdrawn'];

/**
 * Whether a case not yet received (no `receivedAt`) can have the status: only registration,
 * referral, answer and withdrawal come before an application's receipt, which sets `receivedAt`
 * (DOMAIN.md lifecycle; evolve's ApplicationReceived). A Record, so a new status does not compile
 * until it is decided here.
 */
const HELD_BEFORE_RECEIPT: Readonly<Record<CaseStatus, boolean>> = {
  none: true,
  inquiry: true,
  referred: true,
  answered: true,
  received: false,
  awaitingSupplement: false,
  rejected: false,
  accepted: false,
  suspended: false,
  decided: false,
  completed: false,
  withdrawn: true,
};

function isCaseStatus(key: string): key is CaseStatus {
  return Object.hasOwn(HELD_BEFORE_RECEIPT, key);
}

/** The statuses a case not yet received can have (HELD_BEFORE_RECEIPT), in lifecycle order. */
export const STATUSES_BEFORE_RECEIPT: readonly CaseStatus[] = Object.keys(HELD_BEFORE_RECEIPT)
  .filter(isCaseStatus)
  .filter((status) => HELD_BEFORE_RECEIPT[status]);

export interface Referral {
  readonly toDepartmentId: string;
  readonly toWindowId?: string;
  readonly handlerName: string;
  readonly referredAt: EpochMs;
  readonly followUpDueAt: EpochMs;
  readonly closedAt?: EpochMs;
}

export interface NoticeRecord {
  readonly noticeNo: string;
  readonly sequence: number;
  readonly issuedAt: EpochMs;
  readonly late: boolean;
  readonly repeated: boolean;
}

export interface Acceptance {
  readonly receiptNo: string;
  readonly acceptedAt: EpochMs;
  readonly clockStartsAt: EpochMs;
  readonly limitDays?: number;
  readonly limitMinutes?: number;
  /** The deadline as told to the applicant at acceptance (T9, N5). */
  readonly originalDeadline: EpochMs;
}

export interface Suspension {
  readonly suspensionNo: number;
  readonly suspensionType: SuspensionType;
  readonly suspendedAt: EpochMs;
  readonly resumedAt?: EpochMs;
}

export interface CardRecord {
  readonly cardId: string;
  readonly level: CardLevel;
  readonly issuedAt: EpochMs;
  readonly deadline: EpochMs;
  readonly cause: 'timeliness' | 'explanation_overdue';
  readonly departmentId?: string;
  readonly explanationDueAt?: EpochMs;
  readonly explainedAt?: EpochMs;
  readonly revokedAt?: EpochMs;
}

export interface ComplaintRecord {
  readonly complaintId: string;
  readonly filedAt: EpochMs;
  readonly dueAt: EpochMs;
  readonly concludedAt?: EpochMs;
  readonly substantiated?: boolean;
}

export interface EvaluationRecord {
  readonly evaluationNo: number;
  readonly score: number;
  readonly submittedAt: EpochMs;
  readonly rectifyBy?: EpochMs;
  readonly rectifiedAt?: EpochMs;
  /** P5: absent on ratings recorded before P5. */
  readonly channel?: EvaluationChannel;
  readonly invitationId?: string;
  /** P6: the callback of a bad review. */
  readonly callbackDueAt?: EpochMs;
  readonly calledBackAt?: EpochMs;
  readonly appealedAt?: EpochMs;
  readonly appealDecidedAt?: EpochMs;
  /** P6: an upheld appeal takes the review out of the rates (P7), never out of the record. */
  readonly appealUpheld?: boolean;
}

/** P5: an invitation issued to the applicant, usable once before it expires. */
export interface InvitationRecord {
  readonly invitationId: string;
  readonly expiresAt: EpochMs;
}

/** T12: the decision, and its delivery when it is an approval. */
export interface DecisionRecord {
  readonly outcome: 'approved' | 'denied';
  readonly decidedAt: EpochMs;
  readonly deliveryDueAt?: EpochMs;
  readonly deliveredAt?: EpochMs;
}

/** T13: the preliminary review an escalated case owes. */
export interface PreliminaryReviewRecord {
  readonly dueAt: EpochMs;
  readonly completedAt?: EpochMs;
  readonly forwardedTo?: string;
}

export interface CaseState {
  readonly status: CaseStatus;
  /** Events applied so far; -1 before the first (the stream's expected revision). */
  readonly revision: number;
  readonly caseId?: string;
  readonly centerId?: string;
  readonly channel?: Channel;
  readonly applicant?: Applicant;
  readonly firstResponder?: Actor;
  readonly inquiredAt?: EpochMs;
  /** The time of the latest step: a back-dated step may not precede it (U2). */
  readonly lastOccurredAt?: EpochMs;
  readonly referral?: Referral;
  readonly matter?: MatterSnapshot;
  readonly departmentId?: string;
  readonly windowId?: string;
  /** The proxy (帮办代办) who submitted the application; a proxy acts only on own cases. */
  readonly proxyId?: string;
  readonly receivedAt?: EpochMs;
  readonly noticeDueAt?: EpochMs;
  readonly notices: readonly NoticeRecord[];
  /** Materials first handed in with the latest resubmission (N3 exception). */
  readonly resubmittedMaterials: readonly MaterialRef[];
  readonly submittedMaterialCodes: readonly string[];
  readonly acceptance?: Acceptance;
  /** The deadline in force (T9): moved by resumption (T6) and extension (T7). */
  readonly deadline?: EpochMs;
  readonly provisional: boolean;
  readonly calendarVersion?: string;
  readonly policyVersion?: string;
  readonly suspensions: readonly Suspension[];
  readonly extension?: {
    readonly days: number;
    readonly grantedAt: EpochMs;
    readonly previousDeadline: EpochMs;
  };
  /** When the decision was made (办结决定): the case's timeliness is measured here (C2). */
  readonly completedAt?: EpochMs;
  readonly closedAt?: EpochMs;
  readonly decision?: DecisionRecord;
  readonly preliminaryReview?: PreliminaryReviewRecord;
  readonly invitations: readonly InvitationRecord[];
  readonly onTime?: boolean;
  readonly complaints: readonly ComplaintRecord[];
  readonly evaluations: readonly EvaluationRecord[];
  readonly cards: readonly CardRecord[];
  /** Keys of step flags and follow-up warnings already raised, so each is raised once (T10, F3). */
  readonly raisedFlags: readonly string[];
  readonly publicCriticismRecommended: boolean;
  readonly actionIds: readonly string[];
}

export const initialState: CaseState = {
  status: 'none',
  revision: -1,
  notices: [],
  resubmittedMaterials: [],
  submittedMaterialCodes: [],
  provisional: false,
  suspensions: [],
  complaints: [],
  evaluations: [],
  invitations: [],
  cards: [],
  raisedFlags: [],
  publicCriticismRecommended: false,
  actionIds: [],
};

export function isClosed(state: CaseState): boolean {
  return CLOSED_STATUSES.includes(state.status);
}

/** The case is registered and not closed: a decided case awaiting delivery is still open (T12). */
export function isOpen(state: CaseState): boolean {
  return state.status !== 'none' && !isClosed(state);
}

/**
 * The case's own clock has stopped: closed, or decided and only its delivery left (T12). Cards
 * (C1–C3) and the overdue roster follow this, not `isClosed`.
 */
export function clockStopped(state: CaseState): boolean {
  return isClosed(state) || state.completedAt !== undefined;
}

/** The case is under way and its clock has not stopped: only such a case can fall overdue (T12). */
export function clockRunning(state: CaseState): boolean {
  return isOpen(state) && !clockStopped(state);
}

/** The key under which a step flag is raised once (T10). */
export function stepFlagKey(step: StepKind, ref: string): string {
  return `${step}:${ref}`;
}

export function currentSuspension(state: CaseState): Suspension | undefined {
  const last = state.suspensions[state.suspensions.length - 1];
  return last && last.resumedAt === undefined ? last : undefined;
}
