import { VIOLATION_RULES, type Violation } from '../accountability/violation.js';
import type { ComplaintEvent } from './complaint-events.js';

/** A complaint stream's event as the store returns it. */
export type RecordedComplaintEvent = ComplaintEvent & {
  readonly eventId: string;
  readonly recordedAt: string;
};

/**
 * P3, A1: a substantiated complaint without a case counts against the staff member or window it
 * names (and the window and department given with a staff member). Pure.
 */
export function detectComplaintViolations(events: readonly RecordedComplaintEvent[]): Violation[] {
  const received = events.find((e) => e.type === 'ComplaintReceived');
  const concluded = events.find((e) => e.type === 'ComplaintConclusionRecorded');
  if (received?.type !== 'ComplaintReceived' || concluded?.type !== 'ComplaintConclusionRecorded') return [];
  if (!concluded.data.substantiated) return [];
  const subject = received.data.subject;
  return [
    {
      violationId: `COMPLAINT_SUBSTANTIATED:${concluded.eventId}`,
      code: 'COMPLAINT_SUBSTANTIATED',
      rule: VIOLATION_RULES.COMPLAINT_SUBSTANTIATED,
      caseId: subject.kind === 'case' && subject.id !== undefined ? subject.id : '',
      complaintId: received.data.complaintId,
      ...(subject.kind === 'staff' && subject.id !== undefined && { staffId: subject.id }),
      ...(subject.kind === 'window' && subject.id !== undefined && { windowId: subject.id }),
      ...(subject.windowId !== undefined && { windowId: subject.windowId }),
      ...(subject.departmentId !== undefined && { departmentId: subject.departmentId }),
      detectedAt: concluded.recordedAt,
      evidence: [received.eventId, concluded.eventId],
    },
  ];
}
