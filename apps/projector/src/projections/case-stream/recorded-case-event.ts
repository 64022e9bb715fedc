/**
 * The domain's evolve as the projections fold case streams: what it cannot fold is refused, so the
 * runner parks that event with its error instead of building a wrong view. Reading a case stream
 * (ids, envelopes back to domain events) is #infra/case-stream.
 */
import type { RecordedCaseEvent } from '#domain/accountability/detect-violations.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import type { CaseState } from '#domain/case/case-state.js';
import { evolve } from '#domain/case/evolve.js';
import { caseIdOf, toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';

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

/** A case stream's event as the case projections read it (projection.ts `decode`). */
export interface CaseEnvelope {
  readonly caseId: string;
  /** The domain's event, older shapes upcast, typed by its `type`. */
  readonly event: RecordedCaseEvent;
  /** As recorded: position, recording time, actor. */
  readonly recorded: RecordedEvent;
}

export class NotACaseEvent extends Error {
  override readonly name = 'NotACaseEvent';
  constructor(readonly streamId: string) {
    super(`an event of ${JSON.stringify(streamId)} is not a case event`);
  }
}

export function decodeCaseEnvelope(recorded: RecordedEvent): CaseEnvelope {
  const caseId = caseIdOf(recorded);
  if (caseId === undefined) throw new NotACaseEvent(recorded.streamId);
  return { caseId, event: toCaseEvent(recorded), recorded };
}
