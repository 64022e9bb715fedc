/**
 * The `case_timelines` projection (DESIGN.md "Read models"): one document per recorded case event,
 * for auditors, unique on `{caseId, revision}`. An event is inserted once and never rewritten.
 */
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  CASE_TIMELINE_INDEXES,
  timelineEntryId,
  type CaseTimelineDocument,
} from '#infra/read-store/documents/case-timeline-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { NO_CONTEXT, type Built, type Projection } from '../../projection/projection.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';

export const CASE_TIMELINES_PROJECTION = 'case-timelines';

export const caseTimelinesProjection: Projection<
  null,
  Built<CaseTimelineDocument>,
  Built<CaseTimelineDocument>,
  RecordedEvent
> = {
  name: CASE_TIMELINES_PROJECTION,
  // 2 (issue 19): one document per event instead of one per case holding every event as JSON.
  version: 2,
  unitCollection: READ_MODELS.caseTimelines,
  collections: [{ name: READ_MODELS.caseTimelines, indexes: CASE_TIMELINE_INDEXES }],
  ...NO_CONTEXT,
  unitOf: (event) => {
    const caseId = caseIdOf(event);
    return caseId === undefined ? undefined : timelineEntryId(caseId, event.revision);
  },

  // The timeline shows every event as recorded: it never needs to understand one.
  decode: (event) => event,
  apply(_unit, event) {
    const caseId = caseIdOf(event)!;
    const entry: Built<CaseTimelineDocument> = {
      ...event,
      _id: timelineEntryId(caseId, event.revision),
      caseId,
    };
    return { unit: entry };
  },
};
