/**
 * A document of `case_views`: everything GET /cases/{id} shows (API.md "Queries"), the case's folded
 * domain state (so the view can be built on without re-reading events, and the API can judge read
 * scope and the level at the moment of a query), and `nextCheckAt` for supervision.
 */
import type { Applicant } from '#domain/case/case-events.js';
import type { CaseState } from '#domain/case/case-state.js';
import type { Position } from '../../event-store/event-store.port.js';
import { decodeJsonField, encodeJsonField } from './json-field.js';

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
  centerId: string | null;
  matterCode: string | null;
  departmentId: string | null;
  windowId: string | null;
  firstResponderId: string | null;
  /** Unmasked: the API masks it for everyone but auditors (I1). */
  applicant: Applicant | null;
  receivedAt: string | null;
  acceptedAt: string | null;
  kind: string | null;
  limitDays: number | null;
  limitMinutes: number | null;
  deadline: string | null;
  /** The deadline as a date, for sorting and ranges. */
  deadlineAt: Date | null;
  provisional: boolean;
  suspendedNow: boolean;
  extended: boolean;
  /** The level as of `levelAsOf` (the recording time of the last event); the API re-assesses at query time. */
  level: 'normal' | 'warning' | 'yellow' | 'red';
  levelAsOf: string;
  /** When supervision should look again (assessTimeliness); null when nothing can fall due. */
  nextCheckAt: Date | null;
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

/** As stored: the state as canonical JSON (json-field.ts). */
export type StoredCaseViewDocument = Omit<CaseViewDocument, 'state'> & { stateJson: string };

export const encodeCaseView = (doc: CaseViewDocument): StoredCaseViewDocument =>
  encodeJsonField(doc, 'state', 'stateJson') as unknown as StoredCaseViewDocument;

export const decodeCaseView = (stored: StoredCaseViewDocument): CaseViewDocument =>
  decodeJsonField<CaseViewDocument>(stored as unknown as Record<string, unknown>, 'stateJson', 'state');
