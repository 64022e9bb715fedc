/**
 * A document of `case_timelines`: one recorded event of a case, for auditors (DESIGN.md "Read
 * models": one document per event, `{caseId, revision}` unique), so an event costs one insert
 * however long the case's history.
 */
import type { IndexDescription } from 'mongodb';
import type { Position, RecordedEvent } from '../../event-store/event-store.port.js';

export interface CaseTimelineDocument extends RecordedEvent {
  /** `<caseId>:<revision, 10 digits>`: the events of a case sort together and in order. */
  _id: string;
  _position: Position;
  caseId: string;
}

export const timelineEntryId = (caseId: string, revision: number): string =>
  `${caseId}:${String(revision).padStart(10, '0')}`;

export const CASE_TIMELINE_INDEXES: readonly IndexDescription[] = [
  { name: 'case_revision', key: { caseId: 1, revision: 1 }, unique: true },
];

/** The recorded event a timeline document holds. */
export function eventOfTimelineEntry(doc: CaseTimelineDocument): RecordedEvent {
  const { _id: _ignoredId, _position: _ignoredPosition, caseId: _ignoredCase, ...event } = doc;
  return event;
}
