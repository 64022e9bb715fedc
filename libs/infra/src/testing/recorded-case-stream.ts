/**
 * A case's domain events as the store records them, for specs that feed recorded events to the
 * fold or a projection without a store: stream `case-<caseId>`, revisions from 0, positions in
 * order, recorded when they occurred, and a placeholder integrity (nothing here verifies a chain).
 */
import type { CaseEvent } from '#domain/case/case-events.js';
import { newEventOf } from '../command-handling/handle-command.js';
import { caseStreamId } from '../case-stream/case-stream.js';
import type { RecordedEvent } from '../event-store/event-store.port.js';

export const recordedCaseStream = (events: readonly CaseEvent[], caseId = 'case-1'): RecordedEvent[] =>
  events.map((e, i) => ({
    ...newEventOf(e, { eventId: `ev-${i}`, causationId: null }, 'c'),
    streamId: caseStreamId(caseId),
    revision: i,
    position: `${String(i + 1).padStart(20, '0')}:00000000000000000000`,
    // Typed as recorded (a string; a new event's may also be epoch ms).
    occurredAt: e.occurredAt,
    recordedAt: e.occurredAt,
    integrity: { alg: 'sm3', prevHash: '', hash: '' },
  }));
