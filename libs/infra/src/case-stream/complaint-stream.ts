/**
 * A complaint without a case (P1) as the domain reads it from its stream `complaint-<id>`: recorded
 * envelopes back to `ComplaintEvent`s, folded into the state.
 */
import type { RecordedComplaintEvent } from '#domain/complaint/complaint-violations.js';
import { COMPLAINT_STREAM_PREFIX } from '#domain/complaint/complaint-events.js';
import { foldComplaint, type ComplaintState } from '#domain/complaint/complaint-state.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { recordedFact } from './case-stream.js';

export function complaintIdOf(event: RecordedEvent): string | undefined {
  return event.streamId.startsWith(COMPLAINT_STREAM_PREFIX)
    ? event.streamId.slice(COMPLAINT_STREAM_PREFIX.length)
    : undefined;
}

/**
 * The unit id of a complaint without a case in the read models kept per case (`statistics_cases`,
 * `accountability_cases`): never a case id, for the prefix.
 */
export const complaintUnitId = (complaintId: string): string => `complaint-${complaintId}`;

export function toComplaintEvent(recorded: RecordedEvent): RecordedComplaintEvent {
  return recordedFact(recorded) as RecordedComplaintEvent;
}

export function complaintStateOf(recorded: readonly RecordedEvent[]): ComplaintState {
  return foldComplaint(recorded.map(toComplaintEvent));
}
