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

/**
 * The state after each recorded event this process has folded, with the stream's first event: a
 * stream is immutable, so the state after revision r of a stream never changes, and the next
 * command on a cached stream folds only the events appended since (issue 13: in bench:api's
 * profile, folding was about two fifths of the domain's own time, and it grows with the stream).
 * Keyed weakly: a state lives as long as its event does.
 */
const foldedAfter = new WeakMap<
  RecordedEvent,
  { readonly first: RecordedEvent; readonly state: CaseState }
>();

export function caseStateOf(recorded: readonly RecordedEvent[]): CaseState {
  const first = recorded[0];
  // Only a whole stream from revision 0 has a prefix whose state is the stream's own.
  if (first === undefined || !isWholeStream(recorded)) return foldEvents(recorded, initialState);
  let from = recorded.length;
  let state: CaseState = initialState;
  while (from > 0) {
    const known = foldedAfter.get(recorded[from - 1]!);
    if (known !== undefined && known.first === first) {
      state = known.state;
      break;
    }
    from--;
  }
  if (from === recorded.length) return state;
  state = foldEvents(recorded.slice(from), state);
  foldedAfter.set(recorded[recorded.length - 1]!, { first, state });
  return state;
}

function foldEvents(recorded: readonly RecordedEvent[], from: CaseState): CaseState {
  return foldCase(recorded.map(toCaseEvent) as readonly CaseEvent[], from);
}

function isWholeStream(recorded: readonly RecordedEvent[]): boolean {
  for (let i = 0; i < recorded.length; i++) if (recorded[i]!.revision !== i) return false;
  return true;
}
