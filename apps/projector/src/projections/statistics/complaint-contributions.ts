/**
 * Pure: what a complaint without a case (P1) counts in S1. It is one complaint of the window and
 * department it names, on the day it was received, and a substantiated one once its conclusion says
 * so, in the same way a case's complaint counts on the day it was filed (service-statistics.ts).
 */
import { dayOf, parseInstant, toLocalDate } from '#domain/calendar/index.js';
import { toComplaintEvent } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { ZERO_COUNTERS, type ComplaintCount } from '#infra/read-store/documents/statistics-documents.js';
import { contributionKey, type DayContribution } from './case-contributions.js';

/** The count after `recorded`, given the count before it (null before the receipt). */
export function countComplaint(
  before: ComplaintCount | null,
  recorded: RecordedEvent,
): ComplaintCount | null {
  const event = toComplaintEvent(recorded);
  switch (event.type) {
    case 'ComplaintReceived': {
      const { centerId, subject } = event.data;
      return {
        centerId,
        // P3: the window a complaint names is its subject's (a window) or given with its staff member.
        departmentId: subject.departmentId ?? null,
        windowId: (subject.kind === 'window' ? subject.id : subject.windowId) ?? null,
        day: toLocalDate(dayOf(parseInstant(event.occurredAt))),
        substantiated: false,
      };
    }
    case 'ComplaintConclusionRecorded':
      return before === null ? null : { ...before, substantiated: event.data.substantiated };
    default:
      return before;
  }
}

/** The complaint's contribution, keyed as a case's (case-contributions.ts), so the two add up. */
export function complaintContributions(counted: ComplaintCount | null): Map<string, DayContribution> {
  if (counted === null) return new Map();
  const { substantiated, ...place } = counted;
  const contribution: DayContribution = {
    ...place,
    counters: { ...ZERO_COUNTERS, complaints: 1, substantiatedComplaints: substantiated ? 1 : 0 },
  };
  return new Map([[contributionKey(contribution), contribution]]);
}
