/**
 * What a complaint without a case (P1) adds to the S1 counts, for the statistics projection: the
 * domain's rule (complaintCountAfter, libs/domain/src/statistics/complaint-count.ts) read from the
 * recorded event, and the count as a day's contribution keyed as a case's, so the two add up.
 */
import { complaintCountAfter } from '#domain/statistics/complaint-count.js';
import { toComplaintEvent } from '#infra/case-stream/complaint-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { ZERO_COUNTERS, type ComplaintCount } from '#infra/read-store/documents/statistics-documents.js';
import { contributionKey, type DayContribution } from '../statistics/case-contributions.js';

/** The count after `recorded`, given the count before it (null before the receipt). */
export const countComplaint = (
  before: ComplaintCount | null,
  recorded: RecordedEvent,
): ComplaintCount | null => complaintCountAfter(before, toComplaintEvent(recorded));

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
