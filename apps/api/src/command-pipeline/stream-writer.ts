/**
 * The API's edge of the one write path (libs/infra/src/command-handling/handle-command.ts): the
 * headers become the request's idempotency scope, If-Match and correlation id; the typed result
 * becomes the answer or a problem (API.md "Conventions"): a refusal its category's status, a
 * failed If-Match 412, a race lost twice 409 `CONCURRENT_MODIFICATION`, a reused key 422.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '#infra/event-store/event-store.port.js';
import {
  handleCommand,
  type CommandRequest,
  type CommandResult,
  type DecidedEvent,
  type Refusal,
  type StreamDecision,
  type WriteOutcome,
} from '#infra/command-handling/handle-command.js';
import { StreamCache } from '#infra/command-handling/stream-cache.js';
import { problemOfDomainError } from '../problem/domain-error.problem.js';
import {
  ProblemException,
  problems,
  type ProblemDetails,
  titledProblem,
} from '../problem/problem-details.js';
import { EVENT_STORE } from '../runtime/runtime-tokens.js';
import { idempotencyScope, type CommandMetadata } from './command-metadata.js';

export interface WriteRequest<E extends DecidedEvent = DecidedEvent> {
  readonly streamId: string;
  readonly metadata: CommandMetadata;
  readonly decide: (events: readonly RecordedEvent[]) => StreamDecision<E> | Promise<StreamDecision<E>>;
  readonly knownNew?: boolean;
  readonly authorize?: (events: readonly RecordedEvent[]) => Refusal | undefined;
  /** See `CommandRequest.beforeAppend`: done once the decision is to record, before the append. */
  readonly beforeAppend?: CommandRequest<E>['beforeAppend'];
}

@Injectable()
export class StreamWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cache: StreamCache,
  ) {}

  async write<E extends DecidedEvent>({
    streamId,
    metadata,
    decide,
    knownNew,
    authorize,
    beforeAppend,
  }: WriteRequest<E>): Promise<WriteOutcome> {
    const scope = idempotencyScope(metadata);
    const result = await handleCommand(
      this.store,
      {
        streamId,
        decide,
        correlationId: metadata.correlationId,
        ...(scope && { idempotency: { scope, fingerprint: metadata.requestFingerprint ?? '' } }),
        ...(metadata.ifMatch !== undefined && { ifMatch: metadata.ifMatch }),
        ...(knownNew && { knownNew }),
        ...(authorize && { authorize }),
        ...(beforeAppend && { beforeAppend }),
      },
      this.cache,
    );
    if (result.kind === 'recorded') return result.outcome;
    throw new ProblemException(problemOf(result));
  }
}

/** The HTTP answer of a command that recorded nothing. */
export function problemOf(result: Exclude<CommandResult, { kind: 'recorded' }>): ProblemDetails {
  switch (result.kind) {
    case 'refused':
      return problemOfDomainError(result.refusal);
    case 'precondition_failed':
      return problems.preconditionFailed(result.detail);
    case 'conflict':
      return problems.concurrentModification(result.detail);
    case 'too_large':
      return problems.payloadTooLarge(`An event of this command would be ${result.sizeBytes} bytes.`);
    case 'key_reused':
      return keyReused();
    case 'missing':
      return problems.notFound('No such stream.');
  }
}

/** Finding 5: a key reused with another body, by another role or scope, or for another command. */
const keyReused = (): ProblemDetails =>
  titledProblem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'This Idempotency-Key was already used for a different request (another body, role or scope); use a new key.',
  );
