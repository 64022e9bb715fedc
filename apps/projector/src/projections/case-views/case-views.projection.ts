/**
 * The `case_views` projection (DESIGN.md "Read models"): one document per case with everything
 * GET /cases/{id} shows, the fields the lists filter and sort on (indexed, CASE_VIEW_INDEXES), its
 * folded state, the level and `nextCheckAt` from the domain's timeliness assessment. The overdue
 * view, the worklist and supervision's due cases are queries over these documents: no document
 * holds more than one case, whatever the size of the center (issue 19).
 *
 * The folded CaseState is kept in the document rather than re-folded from the timeline: the next
 * event needs it (evolve is a fold), the API needs it to judge read scope (mayRead) and the level at
 * query time, and it is a few hundred bytes where a timeline grows with every event and belongs to
 * another projection, which may be behind or being rebuilt.
 */
import { initialState } from '#domain/case/case-state.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  CASE_VIEW_INDEXES,
  decodeCaseView,
  encodeCaseView,
  type CaseViewDocument,
  type StoredCaseViewDocument,
} from '#infra/read-store/documents/case-view-document.js';
import { READ_MODELS, RETIRED_READ_MODELS } from '#infra/read-store/read-model-collections.js';
import type { Built, Projection, ProjectionStep } from '../../projection/projection.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import { decodeCaseEnvelope, evolveCase, type CaseEnvelope } from '../case-stream/recorded-case-event.js';
import {
  environmentOf,
  INITIAL_CONFIGURATION,
  reduceConfiguration,
  type ConfigurationContext,
} from '#infra/read-store/projection-configuration.js';
import { caseViewOf, type CaseViewFacts } from './case-view-of.js';

export const CASE_VIEWS_PROJECTION = 'case-views';

/** Actors that are not staff handling the case (supervision writes cards as `system`). */
const handlerOf = (event: RecordedEvent): string | undefined =>
  event.actor.role === 'system' ? undefined : event.actor.id;

export const caseViewsProjection: Projection<
  ConfigurationContext,
  Built<CaseViewDocument>,
  Built<StoredCaseViewDocument>,
  CaseEnvelope
> = {
  name: CASE_VIEWS_PROJECTION,
  // 2: case_due_buckets was added. 3 (issue 19): one document per case with indexed query fields;
  // the center rosters (case_open_deadlines) and hour buckets (case_due_buckets) are gone. 4: the
  // folded state a plain subdocument (no `stateJson`). 5: `clockRunning`, which the overdue view
  // reads to skip decided cases awaiting delivery (T12). 6: `runningDeadlineAt` and the `running_*`
  // indexes in place of the `open_*` ones: the overdue view reads only the running cases' entries.
  version: 6,
  unitCollection: READ_MODELS.caseViews,
  retiredCollections: [RETIRED_READ_MODELS.openDeadlines, RETIRED_READ_MODELS.caseDueBuckets],
  collections: [{ name: READ_MODELS.caseViews, indexes: CASE_VIEW_INDEXES }],
  unitCodec: { encode: encodeCaseView, decode: decodeCaseView },
  initialContext: INITIAL_CONFIGURATION,
  reduceContext: reduceConfiguration,
  unitOf: caseIdOf,
  decode: decodeCaseEnvelope,

  apply(
    unit,
    { caseId, event: domainEvent, recorded: event },
    context,
  ): ProjectionStep<Built<CaseViewDocument>> {
    const before = unit;
    const state = evolveCase(before?.state ?? initialState, domainEvent);
    let explanations = before?.explanations ?? {};
    if (domainEvent.type === 'ExplanationSubmitted')
      explanations = { ...explanations, [domainEvent.data.cardId]: domainEvent.data.text };
    const inquiryMatterCode =
      domainEvent.type === 'InquiryRegistered'
        ? (domainEvent.data.matterCode ?? null)
        : (before?.inquiryMatterCode ?? null);
    const handledBy = before?.handledBy ?? [];
    const handler = handlerOf(event);
    const facts: CaseViewFacts = {
      caseId,
      state,
      explanations,
      inquiryMatterCode,
      handledBy: handler === undefined || handledBy.includes(handler) ? handledBy : [...handledBy, handler],
      position: event.position,
      recordedAt: event.recordedAt,
    };
    const environment = environmentOf(context);
    const view = caseViewOf(facts, environment.policy, environment.officeClock(state.centerId));
    return { unit: view };
  },
};
