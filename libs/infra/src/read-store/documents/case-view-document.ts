/**
 * A document of `case_views`, one per case (DESIGN.md "Read models"): everything GET /cases/{id}
 * shows and every field the lists filter and sort on (centre, department, window, status, level,
 * deadline, nextCheckAt, receipt number, received, applicant name, who handled it) as plain
 * indexed fields, and the case's folded domain state as a subdocument (the projector folds the next event into it;
 * the API judges read scope and the level at query time from it).
 */
import type { IndexDescription } from 'mongodb';
import type { Applicant } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import type { Position } from '../../event-store/event-store.port.js';
import { definedFields } from '../../objects/present-fields.js';
import { plainOrLegacyJson, withPlainState, type StoredWithLegacyState } from './json-field.js';

export interface CaseCardEntry {
  cardId: string;
  level: 'warning' | 'yellow' | 'red';
  issuedAt: string;
  explanation?: string;
  revoked?: boolean;
}

export interface CaseViewDocument {
  /** The case id. */
  _id: string;
  /** Position of the last event applied (the write guard). */
  _position: Position;
  caseId: string;
  status: string;
  /** Not closed (DOMAIN.md lifecycle): what the worklist, the overdue view and supervision read. */
  open: boolean;
  /**
   * Open and not yet decided (`clockStopped`, T12): only these can be overdue. Absent from documents
   * built by case-views ≤ 4 (a filter on null finds those), unknown there: the overdue view then
   * assesses the case itself.
   */
  clockRunning?: boolean | null;
  centerId: string | null;
  matterCode: string | null;
  departmentId: string | null;
  windowId: string | null;
  firstResponderId: string | null;
  /** Unmasked: the API masks it for everyone but auditors (I1); `applicant.name` is indexed for prefix search. */
  applicant: Applicant | null;
  /** 受理单号 from the acceptance. */
  receiptNo: string | null;
  receivedAt: Date | null;
  acceptedAt: Date | null;
  kind: string | null;
  limitDays: number | null;
  limitMinutes: number | null;
  /** The deadline in force (T9). */
  deadlineAt: Date | null;
  /**
   * `deadlineAt` while the clock runs (`clockRunning`, T12), else null: what can fall overdue, and
   * so what the `running_*` indexes hold. Absent from documents built by case-views ≤ 5.
   */
  runningDeadlineAt?: Date | null;
  provisional: boolean;
  suspendedNow: boolean;
  extended: boolean;
  /** The level as of `levelAsOf` (the recording time of the last event); the API re-assesses at query time. */
  level: 'normal' | 'warning' | 'yellow' | 'red';
  levelAsOf: string;
  /** When supervision should look again (assessTimeliness); null when nothing can fall due. */
  nextCheckAt: Date | null;
  /** The staff who recorded a step of the case (handledBy=me of GET /cases); a handful per case. */
  handledBy: string[];
  /** The proxy who submitted the application (R1: a proxy reads its own cases). */
  proxyId: string | null;
  /** Department an inquiry was referred to (it may read the case, mayRead). */
  referredToDepartmentId: string | null;
  cards: CaseCardEntry[];
  /** Written explanations by card id (C5). */
  explanations: Record<string, string>;
  /** Matter code named at the inquiry, before an application names one. */
  inquiryMatterCode: string | null;
  revision: number;
  /** Position of the case's last event. */
  position: Position;
  state: CaseState;
}

/**
 * As stored: the folded state as a plain subdocument (its keys are the domain's field names: no `$`,
 * no dots); a store built by case-views ≤ 3 holds it as `stateJson` instead (json-field.ts).
 */
export type StoredCaseViewDocument = StoredWithLegacyState<CaseViewDocument>;

/** Stored as built (the runner adds `_position`). */
export const encodeCaseView = (
  doc: Omit<CaseViewDocument, '_position'>,
): Omit<StoredCaseViewDocument, '_position'> => doc;

export function decodeCaseView(stored: StoredCaseViewDocument): CaseViewDocument {
  return withPlainState(stored);
}

/**
 * The part of the folded state a list reads to assess the level and the office time left now
 * (assessTimeliness and clockStopped read only these for `level` and `remainingMinutes`; the other
 * fields, notices, complaints, ratings, flags and action ids, which grow with the case, feed its
 * step flags and next check only). The lists project these instead of the whole state: the read
 * store then decodes and sends a few small values per case.
 */
const LEVEL_STATE_FIELDS = [
  'status',
  'deadline',
  'acceptance',
  'suspensions',
  'completedAt',
  'closedAt',
  'cards',
] as const;
export type LevelState = Pick<CaseState, (typeof LEVEL_STATE_FIELDS)[number]>;

/** The projection of the level's state, and `stateJson` for a store built by case-views ≤ 3. */
export const LEVEL_STATE_PROJECTION: Readonly<Record<string, 1>> = Object.fromEntries([
  ...LEVEL_STATE_FIELDS.map((field) => [`state.${field}`, 1] as const),
  ['stateJson', 1] as const,
]);

/**
 * The state as far as the level and the time left go: the projected fields over the initial state
 * (no notices, complaints or flags), so assess only `level` and `remainingMinutes` from it.
 */
export function levelStateOf(stored: { state?: LevelState; stateJson?: string }): CaseState {
  const state = plainOrLegacyJson<LevelState>(stored.state, stored.stateJson, 'state');
  const level: LevelState = {
    status: state.status,
    suspensions: state.suspensions,
    cards: state.cards,
    ...definedFields(state, ['deadline', 'acceptance', 'completedAt', 'closedAt']),
  };
  return { ...initialState, ...level };
}

/** The case-views version from which every document has `runningDeadlineAt` (the overdue view's key). */
export const RUNNING_DEADLINE_VERSION = 6;

/**
 * The indexes of `case_views` (DESIGN.md "Read models"): one per query, each ending in `_id` for
 * the keyset tie-break. Partial indexes hold only what their query can find, where the server
 * supports them (MongoDB); ../ensure-index.ts creates them whole where it does not (FerretDB 1.x).
 * MongoDB uses one only for a query that names its filter, `$type` included.
 */
const RUNNING = { partialFilterExpression: { runningDeadlineAt: { $type: 'date' } } };
export const CASE_VIEW_INDEXES: readonly IndexDescription[] = [
  // The overdue view within a center (supervisor) or department (window): only the cases whose
  // clock runs (T12), not every open one (most open cases can be decided approvals awaiting
  // delivery). On FerretDB the same: the range on `runningDeadlineAt` leaves out the nulls.
  { name: 'running_center_deadline', key: { centerId: 1, runningDeadlineAt: 1, _id: 1 }, ...RUNNING },
  { name: 'running_department_deadline', key: { departmentId: 1, runningDeadlineAt: 1, _id: 1 }, ...RUNNING },
  // The same across centers (an auditor's overdue view).
  { name: 'running_deadline', key: { runningDeadlineAt: 1, _id: 1 }, ...RUNNING },
  // The -overdueBy page's suspended cases before its resume point (overdue-by-read.ts): few, so
  // partial on them; any scope filters these few. FerretDB 1.x indexes the keys whole: its
  // pre-filter then seeks `suspendedNow = true` instead of testing every running case's document.
  {
    name: 'running_suspended_deadline',
    key: { suspendedNow: 1, runningDeadlineAt: 1, _id: 1 },
    partialFilterExpression: { suspendedNow: true, runningDeadlineAt: { $type: 'date' } },
  },
  // The worklist by deadline lists closed cases too, which a partial index on open cannot serve.
  { name: 'center_deadline', key: { centerId: 1, deadlineAt: 1, _id: 1 } },
  { name: 'department_deadline', key: { departmentId: 1, deadlineAt: 1, _id: 1 } },
  { name: 'deadline', key: { deadlineAt: 1, _id: 1 } },
  // Supervision's due cases (nextCheckAt <= now, in order).
  // Closed cases have none (null): the index holds only what supervision may have to look at.
  {
    name: 'next_check',
    key: { nextCheckAt: 1, _id: 1 },
    partialFilterExpression: { nextCheckAt: { $type: 'date' } },
  },
  // The worklist's default order (-receivedAt) within a center, a department, a handler.
  { name: 'center_received', key: { centerId: 1, receivedAt: -1, _id: -1 } },
  { name: 'department_received', key: { departmentId: 1, receivedAt: -1, _id: -1 } },
  { name: 'handled_by_received', key: { handledBy: 1, receivedAt: -1, _id: -1 } },
  // A proxy's own cases (R1), and every center's (an auditor's worklist).
  { name: 'proxy_received', key: { proxyId: 1, receivedAt: -1, _id: -1 } },
  { name: 'received', key: { receivedAt: -1, _id: -1 } },
  // Search by receipt number and by the start of the applicant's name.
  { name: 'receipt_no', key: { receiptNo: 1 } },
  { name: 'applicant_name', key: { 'applicant.name': 1, _id: 1 } },
];
