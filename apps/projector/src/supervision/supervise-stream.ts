/**
 * Supervising one stream, shared by the case and the complaint supervisors: load it, let the
 * domain decide, append through the one write path (libs/infra/src/command-handling) with the
 * revision it was decided on and the ids and causes the supervisor derives, and say what came of
 * it. No retry: a lost race is looked at again next tick (the view still names the stream).
 */
import {
  handleCommand,
  type DecidedEvent,
  type Envelope,
  type StreamDecision,
} from '#infra/command-handling/handle-command.js';
import type { EventStore, RecordedEvent } from '#infra/event-store/event-store.port.js';

export type StreamCheckOutcome =
  | { readonly kind: 'appended'; readonly events: readonly RecordedEvent[] }
  /** Nothing due (the view that named the stream was stale, or another loop wrote first). */
  | { readonly kind: 'nothing_due' }
  /** Another writer moved the stream between read and append: looked at again next tick. */
  | { readonly kind: 'conflict' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'refused'; readonly code: string };

export interface StreamCheck<E extends DecidedEvent> {
  readonly streamId: string;
  /** What the stream is about, for the error of an event too large to append. */
  readonly subject: string;
  readonly correlationId: string;
  readonly decide: (recorded: readonly RecordedEvent[]) => StreamDecision<E>;
  readonly envelope: (event: E, index: number, recorded: readonly RecordedEvent[]) => Envelope;
}

export async function superviseStream<E extends DecidedEvent>(
  store: EventStore,
  check: StreamCheck<E>,
): Promise<StreamCheckOutcome> {
  const result = await handleCommand<E>(store, {
    streamId: check.streamId,
    correlationId: check.correlationId,
    mustExist: true,
    retries: 0,
    decide: check.decide,
    envelope: check.envelope,
  });
  switch (result.kind) {
    case 'recorded':
      return result.outcome.events.length === 0
        ? { kind: 'nothing_due' }
        : { kind: 'appended', events: result.outcome.events };
    case 'refused':
      return { kind: 'refused', code: result.refusal.code };
    case 'missing':
      return { kind: 'missing' };
    // Someone wrote first: another loop (the same ids, partly: key_reused) or a command.
    case 'conflict':
    case 'key_reused':
    case 'precondition_failed':
      return { kind: 'conflict' };
    case 'too_large':
      throw new Error(`A supervision event on ${check.subject} would be ${result.sizeBytes} bytes.`);
  }
}
