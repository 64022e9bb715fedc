/**
 * Case streams (`case-<id>`, DESIGN.md "Events") as the domain reads them: a recorded envelope turned
 * back into the domain's event (the envelope's actor has nulls where the domain has absent fields),
 * with the event id and recording time the accountability rules need (A1, U2).
 */
import type { Actor, Role } from '#domain/actor/actor.js';
import type { RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import type { CaseState } from '#domain/case/case-state.js';
import { evolve } from '#domain/case/evolve.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export const CASE_STREAM_PREFIX = 'case-';

/** The case an event belongs to, or undefined for events of other streams. */
export function caseIdOf(event: RecordedEvent): string | undefined {
  return event.streamId.startsWith(CASE_STREAM_PREFIX)
    ? event.streamId.slice(CASE_STREAM_PREFIX.length)
    : undefined;
}

function domainActor(envelope: RecordedEvent['actor']): Actor {
  return {
    id: envelope.id,
    name: envelope.name,
    role: envelope.role as Role,
    ...(envelope.departmentId !== null && { departmentId: envelope.departmentId }),
    ...(envelope.windowId !== null && { windowId: envelope.windowId }),
  };
}

export function toRecordedCaseEvent(recorded: RecordedEvent): RecordedCaseEvent {
  return {
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    occurredAt: recorded.occurredAt,
    actor: domainActor(recorded.actor),
    data: recorded.data,
    eventId: recorded.eventId,
    recordedAt: recorded.recordedAt,
  } as RecordedCaseEvent;
}

export class UnknownCaseEvent extends Error {
  override readonly name = 'UnknownCaseEvent';
  constructor(readonly type: string) {
    super(`the case decider's evolve does not know events of type ${JSON.stringify(type)}`);
  }
}

/**
 * The domain's evolve, refusing what it cannot fold: an event type it does not know comes back as
 * undefined, and a malformed instant throws (the runner parks either with its error).
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  const next = evolve(state, event) as CaseState | undefined;
  if (next === undefined) throw new UnknownCaseEvent(event.type);
  return next;
}
