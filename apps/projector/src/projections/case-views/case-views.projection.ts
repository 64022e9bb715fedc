/**
 * The `case_views` projection (DESIGN.md "Read models"): one document per case with everything
 * GET /cases/{id} shows, its folded state, the level and `nextCheckAt` from the domain's timeliness
 * assessment; per center the roster of open deadlines that GET /views/overdue reads; and per hour
 * of `nextCheckAt` the cases supervision is to look at then (`case_due_buckets`, due-bucket-changes.ts).
 *
 * The folded CaseState is kept in the document rather than re-folded from the timeline: the next
 * event needs it (evolve is a fold), the API needs it to judge read scope (mayRead) and the level at
 * query time, and it is a few hundred bytes where a timeline grows with every event and belongs to
 * another projection, which may be behind or being rebuilt.
 */
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState } from '#domain/case/case-state.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  decodeCaseView,
  encodeCaseView,
  type CaseViewDocument,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import {
  decodeDueBucket,
  decodeDueBucketIndex,
  encodeDueBucket,
  encodeDueBucketIndex,
  isDueBucketIndex,
  type CaseDueBucket,
  type CaseDueBucketIndex,
  type StoredCaseDueBucket,
  type StoredCaseDueBucketIndex,
} from '#infra/read-store/documents/case-due-bucket-document.js';
import {
  decodeRoster,
  encodeRoster,
  ROSTER_INDEX_ID,
  rosterIdOf,
  type OpenDeadlineRoster,
  type OpenDeadlineRosterIndex,
  type StoredOpenDeadlineRoster,
} from '#infra/read-store/documents/open-deadline-roster-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type {
  ProjectedDocument,
  Projection,
  ProjectionStep,
  SharedChange,
} from '../../projection/projection.js';
import { caseIdOf, toCaseEvent } from '#infra/case-stream/case-stream.js';
import { evolveCase } from '../case-stream/recorded-case-event.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
  type ConfigurationContext,
} from '#infra/read-store/projection-configuration.js';
import { caseViewOf, type CaseViewFacts } from './case-view-of.js';
import { dueBucketChanges } from './due-bucket-changes.js';
import { openDeadlineEntryOf } from './open-deadline-entry-of.js';

export const CASE_VIEWS_PROJECTION = 'case-views';

export const caseViewsProjection: Projection<ConfigurationContext> = {
  name: CASE_VIEWS_PROJECTION,
  // 2: case_due_buckets (supervision's due cases) was added; stores built before lack it.
  version: 2,
  unitCollection: READ_MODELS.caseViews,
  collections: [
    {
      name: READ_MODELS.caseViews,
      // Supervision reads its due cases from case_due_buckets by _id, not by `nextCheckAt` here.
      indexes: [
        { key: { centerId: 1, departmentId: 1, deadlineAt: 1 } },
        { key: { status: 1, deadlineAt: 1 } },
      ],
      codec: {
        encode: (doc) => encodeCaseView(doc as unknown as CaseViewDocument) as never,
        decode: (stored) => decodeCaseView(stored as unknown as StoredCaseViewDocument) as never,
      },
    },
    {
      name: READ_MODELS.openDeadlines,
      indexes: [],
      codec: {
        encode: (doc) =>
          doc._id === ROSTER_INDEX_ID
            ? doc
            : (encodeRoster(doc as unknown as OpenDeadlineRoster & { _position: string }) as never),
        decode: (stored) =>
          stored._id === ROSTER_INDEX_ID
            ? stored
            : (decodeRoster(stored as unknown as StoredOpenDeadlineRoster) as never),
      },
    },
    {
      // Read only by _id (the index, then the hours that have begun): no index to declare.
      name: READ_MODELS.caseDueBuckets,
      indexes: [],
      codec: {
        encode: (doc) =>
          isDueBucketIndex(doc)
            ? (encodeDueBucketIndex(doc as unknown as CaseDueBucketIndex & { _position: string }) as never)
            : (encodeDueBucket(doc as unknown as CaseDueBucket & { _position: string }) as never),
        decode: (stored) =>
          isDueBucketIndex(stored)
            ? (decodeDueBucketIndex(stored as unknown as StoredCaseDueBucketIndex) as never)
            : (decodeDueBucket(stored as unknown as StoredCaseDueBucket) as never),
      },
    },
  ],
  initialContext: INITIAL_CONFIGURATION,
  reduceContext: reduceConfiguration,
  unitOf: caseIdOf,

  apply(unit, event: RecordedEvent, context): ProjectionStep {
    const caseId = caseIdOf(event)!;
    const before = unit as unknown as CaseViewDocument | undefined;
    const domainEvent = toCaseEvent(event) as CaseEvent;
    const state = evolveCase(before?.state ?? initialState, domainEvent);
    let explanations = before?.explanations ?? {};
    if (domainEvent.type === 'ExplanationSubmitted')
      explanations = { ...explanations, [domainEvent.data.cardId]: domainEvent.data.text };
    const inquiryMatterCode =
      domainEvent.type === 'InquiryRegistered'
        ? (domainEvent.data.matterCode ?? null)
        : (before?.inquiryMatterCode ?? null);
    const facts: CaseViewFacts = {
      caseId,
      state,
      explanations,
      inquiryMatterCode,
      position: event.position,
      recordedAt: event.recordedAt,
    };
    const environment = environmentOf(context);
    const view = caseViewOf(facts, environment.policy, environment.officeClock(state.centerId));
    return {
      unit: view as unknown as ProjectedDocument,
      shared: [
        rosterChange(facts),
        rosterIndexChange(rosterIdOf(state.centerId), event.position),
        ...dueBucketChanges(
          caseId,
          before?.nextCheckAt?.getTime() ?? null,
          view.nextCheckAt?.getTime() ?? null,
          event.position,
        ),
      ],
    };
  },
};

/** Notes that a roster changed at this position, so readers know to read it again. */
function rosterIndexChange(rosterId: string, position: string): SharedChange {
  return {
    collection: READ_MODELS.openDeadlines,
    id: ROSTER_INDEX_ID,
    apply(current) {
      const index = (current as unknown as OpenDeadlineRosterIndex | undefined) ?? {
        _id: ROSTER_INDEX_ID,
        rosters: {},
      };
      index.rosters[rosterId] = position;
      return index as unknown as ProjectedDocument;
    },
  };
}

/** Sets (or removes) the case's entry in its center's roster: idempotent, whatever was there. */
function rosterChange(facts: CaseViewFacts): SharedChange {
  const centerId = facts.state.centerId ?? null;
  const entry = openDeadlineEntryOf(facts);
  return {
    collection: READ_MODELS.openDeadlines,
    id: rosterIdOf(centerId),
    apply(current) {
      // `current` is the runner's working copy for this batch (projection.ts): changed in place, a
      // roster of thousands of entries is not copied once per event.
      const roster = (current as unknown as OpenDeadlineRoster | undefined) ?? {
        _id: rosterIdOf(centerId),
        centerId,
        count: 0,
        entries: {},
      };
      const had = Object.hasOwn(roster.entries, facts.caseId);
      if (entry) roster.entries[facts.caseId] = entry;
      else delete roster.entries[facts.caseId];
      roster.count += (entry ? 1 : 0) - (had ? 1 : 0);
      return roster as unknown as ProjectedDocument;
    },
  };
}
