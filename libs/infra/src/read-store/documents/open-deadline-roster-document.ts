/**
 * A document of `case_open_deadlines`: one center's open cases that have a deadline (accepted or
 * suspended), the roster GET /views/overdue and the overdue count of S1 read at query time.
 *
 * Why a roster and not a query over `case_views`: FerretDB 1.x runs every filter but `_id` equality
 * as a scan of the whole collection, decoding each document (about 50 µs each), so a filtered query
 * over 50,000 case views takes seconds whatever the indexes. One roster per center is read by `_id`.
 * Its entries are stored as one JSON string: FerretDB decodes a string as one value, but a document
 * of thousands of sub-documents value by value (about 30 µs each). On MongoDB it costs nothing extra.
 */
import type { Applicant } from '#domain/case/case-events.js';
import type { CaseState } from '#domain/case/case-state.js';
import type { Position } from '../../event-store/event-store.port.js';
import { canonicalJson } from '../../integrity/canonical-json.js';

export interface OpenDeadlineEntry {
  caseId: string;
  centerId: string | null;
  departmentId: string | null;
  windowId: string | null;
  matterCode: string | null;
  status: string;
  deadline: string;
  deadlineAt: number;
  acceptedAt: string | null;
  applicant: Applicant | null;
  revision: number;
  position: Position;
  /**
   * What assessTimeliness reads for the level and the office time left: deadline, acceptance,
   * current suspension, closure, cards; `timelinessStateOf` completes it with the initial state.
   */
  timeliness: TimelinessSlice;
}

export type TimelinessSlice = Pick<
  CaseState,
  'status' | 'revision' | 'deadline' | 'acceptance' | 'provisional' | 'suspensions' | 'cards'
> &
  Partial<Pick<CaseState, 'completedAt' | 'closedAt'>>;

/** The roster as the projector and the API work with it. */
export interface OpenDeadlineRoster {
  _id: string;
  _position?: Position;
  centerId: string | null;
  count: number;
  entries: Record<string, OpenDeadlineEntry>;
}

/** The roster as stored: entries as canonical JSON (the same cases always give the same text). */
export interface StoredOpenDeadlineRoster {
  _id: string;
  _position: Position;
  centerId: string | null;
  count: number;
  entries: string;
}

/** The `_id` of the document naming every roster and the position it was last changed at. */
export const ROSTER_INDEX_ID = '(index)';

/** `{ _id: '(index)', rosters: { <roster _id>: <position> } }`: which rosters to re-read. */
export interface OpenDeadlineRosterIndex {
  _id: string;
  _position?: Position;
  rosters: Record<string, Position>;
}

/** The `_id` of a center's roster; cases without a center share one. */
export const rosterIdOf = (centerId: string | null | undefined): string => centerId ?? '(none)';

export function encodeRoster(roster: OpenDeadlineRoster & { _position: Position }): StoredOpenDeadlineRoster {
  return {
    _id: roster._id,
    _position: roster._position,
    centerId: roster.centerId,
    count: roster.count,
    entries: canonicalJson(roster.entries),
  };
}

export function decodeRoster(stored: StoredOpenDeadlineRoster): OpenDeadlineRoster {
  return {
    _id: stored._id,
    _position: stored._position,
    centerId: stored.centerId,
    count: stored.count,
    entries: JSON.parse(stored.entries) as Record<string, OpenDeadlineEntry>,
  };
}
