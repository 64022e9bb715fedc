/**
 * The `case_timelines` projection (DESIGN.md "Read models"): the ordered recorded events of each
 * case, for auditors, one document per case.
 */
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  decodeCaseTimeline,
  encodeCaseTimeline,
  type CaseTimelineDocument,
  type StoredCaseTimelineDocument,
} from '#infra/read-store/documents/case-timeline-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { ProjectedDocument, Projection } from '../../projection/projection.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';

export const CASE_TIMELINES_PROJECTION = 'case-timelines';

export const caseTimelinesProjection: Projection<null> = {
  name: CASE_TIMELINES_PROJECTION,
  version: 1,
  unitCollection: READ_MODELS.caseTimelines,
  collections: [
    {
      name: READ_MODELS.caseTimelines,
      indexes: [],
      codec: {
        encode: (doc) => encodeCaseTimeline(doc as unknown as CaseTimelineDocument) as never,
        decode: (stored) => decodeCaseTimeline(stored as unknown as StoredCaseTimelineDocument) as never,
      },
    },
  ],
  initialContext: null,
  reduceContext: () => null,
  unitOf: caseIdOf,

  apply(unit, event: RecordedEvent) {
    const before = unit as unknown as CaseTimelineDocument | undefined;
    const events = before?.events ?? [];
    // Revisions are 0-based and gapless within a stream: anything else is a stream this view
    // cannot show faithfully, so it is parked rather than shown with a hole.
    if (event.revision !== events.length)
      throw new Error(
        `event ${event.eventId} has revision ${event.revision}; the timeline of ${event.streamId} expects ${events.length}`,
      );
    const caseId = caseIdOf(event)!;
    const next: Omit<CaseTimelineDocument, '_position'> = {
      _id: caseId,
      caseId,
      streamId: event.streamId,
      revision: event.revision,
      events: [...events, event],
    };
    return { unit: next as unknown as ProjectedDocument };
  },
};
