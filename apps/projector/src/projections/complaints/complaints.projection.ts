/**
 * The complaints projection (P1, P2): one `complaint_views` document per complaint, from the
 * complaint streams (`complaint-<id>`) and from the complaint events of case streams, so
 * GET /views/complaints lists both kinds. Holds no personal data (the complainant stays in the events).
 */
import { parseInstant } from '#domain/calendar/index.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import type { ComplaintEvent } from '#domain/complaint/complaint-events.js';
import { complaintNextCheckAt } from '#domain/complaint/complaint-state.js';
import type { RecordedComplaintEvent } from '#domain/complaint/complaint-violations.js';
import type { RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import { caseIdOf, toCaseEvent } from '#infra/case-stream/case-stream.js';
import { complaintIdOf, toComplaintEvent } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  COMPLAINT_VIEW_INDEXES,
  COMPLAINT_VIEWS,
  type ComplaintViewDocument,
} from '#infra/read-store/documents/complaint-view-document.js';
import { NO_CONTEXT, type Projection } from '../../projection/projection.js';

export const COMPLAINTS_PROJECTION = 'complaints';

/** Which complaint a case event is about, if any. */
function caseComplaintOf(event: CaseEvent): string | undefined {
  if (event.type === 'ComplaintFiled' || event.type === 'ComplaintConcluded') return event.data.complaintId;
  if (event.type === 'StepOverdueFlagged' && event.data.step === 'complaint') return event.data.ref;
  return undefined;
}

const CASE_TYPES = new Set(['ComplaintFiled', 'ComplaintConcluded', 'StepOverdueFlagged']);

/** The document after a complaint stream's event, with when supervision must look at it (T10, P2). */
export function applyComplaintEvent(
  doc: ComplaintViewDocument | undefined,
  e: ComplaintEvent,
): ComplaintViewDocument {
  const next = foldComplaintView(doc, e);
  const nextCheckAt = complaintNextCheckAt({
    status: next.status,
    revision: 0,
    dueAt: next.dueAtMs,
    overdueFlagged: next.overdueFlagged,
  });
  return { ...next, nextCheckAtMs: nextCheckAt ?? null };
}

function foldComplaintView(doc: ComplaintViewDocument | undefined, e: ComplaintEvent): ComplaintViewDocument {
  switch (e.type) {
    case 'ComplaintReceived':
      return {
        _id: e.data.complaintId,
        complaintId: e.data.complaintId,
        caseId: e.data.subject.kind === 'case' ? (e.data.subject.id ?? null) : null,
        centerId: e.data.centerId,
        channel: e.data.channel,
        subject: subjectOf(e.data.subject),
        ...windowAndDepartment(e.data.subject),
        ...received(e),
      };
    case 'ComplaintInvestigationStarted':
      return { ...doc!, status: 'investigating' };
    case 'ComplaintConclusionRecorded':
      return concluded(doc!, e);
    case 'ComplaintOverdueFlagged':
      return { ...doc!, overdueFlagged: true };
    case 'ComplaintPersonalDataErased':
      return doc!; // the view holds no personal data (I1)
  }
}

/** The subject as the view shows it: its kind and id, without the window and department (below). */
const subjectOf = (subject: {
  readonly kind: ComplaintViewDocument['subject']['kind'];
  readonly id?: string;
}) => ({
  kind: subject.kind,
  ...(subject.id !== undefined && { id: subject.id }),
});

/** What a receipt sets, with or without a case (P1, P2): received, due, not flagged, no check yet. */
const received = (e: { readonly occurredAt: string; readonly data: { readonly dueAt: string } }) => ({
  status: 'received' as const,
  receivedAt: e.occurredAt,
  receivedAtMs: parseInstant(e.occurredAt),
  dueAt: e.data.dueAt,
  dueAtMs: parseInstant(e.data.dueAt),
  overdueFlagged: false,
  nextCheckAtMs: null,
});

/** What a conclusion sets, with or without a case (P2). */
const concluded = (
  doc: ComplaintViewDocument,
  e: {
    readonly occurredAt: string;
    readonly data: { readonly substantiated: boolean; readonly late: boolean };
  },
): ComplaintViewDocument => ({
  ...doc,
  status: 'concluded',
  concludedAt: e.occurredAt,
  concludedAtMs: parseInstant(e.occurredAt),
  substantiated: e.data.substantiated,
  late: e.data.late,
});

/** P3: a window named, or given with a staff member; the department given with either. */
function windowAndDepartment(subject: {
  readonly kind: string;
  readonly id?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
}): { windowId?: string; departmentId?: string } {
  const windowId = subject.kind === 'window' ? subject.id : subject.windowId;
  return {
    ...(windowId !== undefined && { windowId }),
    ...(subject.departmentId !== undefined && { departmentId: subject.departmentId }),
  };
}

/** The document after a case stream's complaint event. */
export function applyCaseComplaintEvent(
  doc: ComplaintViewDocument | undefined,
  caseId: string,
  e: CaseEvent,
): ComplaintViewDocument {
  switch (e.type) {
    case 'ComplaintFiled':
      return {
        _id: e.data.complaintId,
        complaintId: e.data.complaintId,
        caseId,
        centerId: e.data.centerId ?? null,
        channel: e.data.channel,
        subject: subjectOf(e.data.subject),
        // The case's own supervision flags a case complaint (StepOverdueFlagged, step complaint).
        ...received(e),
      };
    case 'ComplaintConcluded':
      return concluded(doc!, e);
    default:
      return { ...doc!, overdueFlagged: true };
  }
}

/** A complaint stream's event, or a case stream's (projection.ts `decode`). */
export type ComplaintsInput =
  | { readonly stream: 'complaint'; readonly event: RecordedComplaintEvent }
  | { readonly stream: 'case'; readonly caseId: string; readonly event: RecordedCaseEvent };

export const complaintsProjection: Projection<
  null,
  ComplaintViewDocument,
  ComplaintViewDocument,
  ComplaintsInput
> = {
  name: COMPLAINTS_PROJECTION,
  // 2: nextCheckAtMs (supervision's due complaints), concludedAtMs, windowId, departmentId (issue 14).
  version: 2,
  unitCollection: COMPLAINT_VIEWS,
  collections: [{ name: COMPLAINT_VIEWS, indexes: COMPLAINT_VIEW_INDEXES }],
  ...NO_CONTEXT,
  unitOf(event: RecordedEvent) {
    const standalone = complaintIdOf(event);
    if (standalone !== undefined) return standalone;
    if (caseIdOf(event) === undefined || !CASE_TYPES.has(event.type)) return undefined;
    return caseComplaintOf(toCaseEvent(event));
  },
  decode(event) {
    const caseId = caseIdOf(event);
    return caseId === undefined
      ? { stream: 'complaint', event: toComplaintEvent(event) }
      : { stream: 'case', caseId, event: toCaseEvent(event) };
  },
  apply(unit, input) {
    const next =
      input.stream === 'complaint'
        ? applyComplaintEvent(unit, input.event)
        : applyCaseComplaintEvent(unit, input.caseId, input.event);
    return { unit: next };
  },
};
