/**
 * A case's stream (`case-<id>`, DESIGN.md "Events") as the domain sees it: recorded envelopes turned
 * back into the domain's `CaseEvent`s (the envelope's actor has nulls where the domain has absent
 * fields) and folded into the state (U4). Shared by the API's command handlers and queries, the
 * projector's projections and supervision.
 */
import type { Actor, Role } from '#domain/actor/actor.js';
import type { RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { initialState, type CaseState } from '#domain/case/case-state.js';
import { foldCase } from '#domain/case/evolve.js';
import { upcastCaseEvent } from '#domain/case/upcast.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

export const CASE_STREAM_PREFIX = 'case-';
export const caseStreamId = (caseId: string): string => `${CASE_STREAM_PREFIX}${caseId}`;

/** The case an event belongs to, or undefined for events of other streams. */
export function caseIdOf(event: RecordedEvent): string | undefined {
  return event.streamId.startsWith(CASE_STREAM_PREFIX)
    ? event.streamId.slice(CASE_STREAM_PREFIX.length)
    : undefined;
}

/** Case ids name streams and appear in URLs: a conservative alphabet keeps both unambiguous. */
export const CASE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export function domainActor(envelope: RecordedEvent['actor']): Actor {
  return {
    id: envelope.id,
    name: envelope.name,
    role: envelope.role as Role,
    ...(envelope.departmentId !== null && { departmentId: envelope.departmentId }),
    ...(envelope.windowId !== null && { windowId: envelope.windowId }),
  };
}

/** What the domain reads of a recorded event (case or complaint): the fact, its id and recording time. */
export function recordedFact(recorded: RecordedEvent) {
  return {
    type: recorded.type,
    schemaVersion: recorded.schemaVersion,
    occurredAt: recorded.occurredAt,
    actor: domainActor(recorded.actor),
    data: recorded.data,
    eventId: recorded.eventId,
    recordedAt: recorded.recordedAt,
  };
}

/** The domain's event of a recorded one, older shapes upcast (upcast.ts: stored events never change). */
export function toCaseEvent(recorded: RecordedEvent): RecordedCaseEvent {
  return upcastCaseEvent(recordedFact(recorded)) as RecordedCaseEvent;
}

export function caseStateOf(recorded: readonly RecordedEvent[]): CaseState {
  return foldCase(recorded.map(toCaseEvent) as readonly CaseEvent[], initialState);
}
