/**
 * The case evaluations projection (P7): per case, the scope, decision and ratings the P7 rates and
 * the rankings need, folded from the few events that change them, so most case events pass it by.
 */
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { changeEvaluation } from '#domain/case/change-evaluation.js';
import { caseIdOf } from '#infra/case-stream/case-stream.js';
import {
  CASE_EVALUATION_INDEXES,
  CASE_EVALUATIONS,
  type CaseEvaluationsDocument,
  type RatingEntry,
} from '#infra/read-store/documents/case-evaluations-document.js';
import { NO_CONTEXT, type Projection } from '../../projection/projection.js';
import { decodeCaseEnvelope, type CaseEnvelope } from '../case-stream/recorded-case-event.js';

export const CASE_EVALUATIONS_PROJECTION = 'case-evaluations';

const TYPES = new Set<string>([
  'InquiryRegistered',
  'ApplicationReceived',
  'ApplicationAccepted',
  'CaseCompleted',
  'EvaluationSubmitted',
  'EvaluationRectified',
  'EvaluationCallbackRecorded',
  'EvaluationAppealDecided',
]);

const rating = (
  d: CaseEvaluationsDocument,
  no: number,
  change: (r: RatingEntry) => RatingEntry,
): CaseEvaluationsDocument => ({ ...d, evaluations: changeEvaluation(d.evaluations, no, change) });

/** The document after one of the events in TYPES. Pure. */
export function foldCaseEvaluations(
  before: CaseEvaluationsDocument | undefined,
  caseId: string,
  e: CaseEvent,
): CaseEvaluationsDocument {
  const d: CaseEvaluationsDocument = before ?? {
    _id: caseId,
    centerId: null,
    departmentId: null,
    windowId: null,
    completedAt: null,
    onTime: null,
    lastRatedAt: null,
    evaluations: [],
  };
  const at = parseInstant(e.occurredAt);
  switch (e.type) {
    case 'InquiryRegistered':
      return { ...d, centerId: e.data.centerId };
    case 'ApplicationReceived':
      return { ...d, departmentId: e.data.departmentId, windowId: e.data.windowId ?? d.windowId };
    case 'ApplicationAccepted':
      return { ...d, windowId: d.windowId ?? e.actor.windowId ?? null };
    case 'CaseCompleted':
      return { ...d, completedAt: at, onTime: e.data.onTime };
    case 'EvaluationSubmitted':
      return {
        ...d,
        lastRatedAt: Math.max(at, d.lastRatedAt ?? at),
        evaluations: [
          ...d.evaluations,
          { evaluationNo: e.data.evaluationNo, score: e.data.score, submittedAt: at },
        ],
      };
    case 'EvaluationRectified':
      return rating(d, e.data.evaluationNo, (r) => ({ ...r, rectifiedAt: at }));
    case 'EvaluationCallbackRecorded':
      return rating(d, e.data.evaluationNo, (r) => ({ ...r, calledBackAt: at }));
    case 'EvaluationAppealDecided':
      return rating(d, e.data.evaluationNo, (r) => ({ ...r, appealUpheld: e.data.upheld }));
    default:
      return d;
  }
}

export const caseEvaluationsProjection: Projection<
  null,
  CaseEvaluationsDocument,
  CaseEvaluationsDocument,
  CaseEnvelope
> = {
  name: CASE_EVALUATIONS_PROJECTION,
  // 2: lastRatedAt and the period indexes (issue 14).
  version: 2,
  unitCollection: CASE_EVALUATIONS,
  collections: [{ name: CASE_EVALUATIONS, indexes: CASE_EVALUATION_INDEXES }],
  ...NO_CONTEXT,
  eventTypes: TYPES,
  unitOf: caseIdOf,
  decode: decodeCaseEnvelope,
  apply(unit, { caseId, event }) {
    return { unit: foldCaseEvaluations(unit, caseId, event) };
  },
};
