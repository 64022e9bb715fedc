/** A document of `case_timelines`: the recorded events of one case, in revision order, for auditors. */
import type { Position, RecordedEvent } from '../../event-store/event-store.port.js';
import { decodeJsonField, encodeJsonField } from './json-field.js';

export interface CaseTimelineDocument {
  /** The case id. */
  _id: string;
  _position: Position;
  caseId: string;
  streamId: string;
  revision: number;
  events: RecordedEvent[];
}

/** As stored: the events as canonical JSON (json-field.ts). */
export type StoredCaseTimelineDocument = Omit<CaseTimelineDocument, 'events'> & { eventsJson: string };

export const encodeCaseTimeline = (doc: CaseTimelineDocument): StoredCaseTimelineDocument =>
  encodeJsonField(doc, 'events', 'eventsJson') as unknown as StoredCaseTimelineDocument;

export const decodeCaseTimeline = (stored: StoredCaseTimelineDocument): CaseTimelineDocument =>
  decodeJsonField<CaseTimelineDocument>(stored as unknown as Record<string, unknown>, 'eventsJson', 'events');
