/**
 * The one write path of every command (DESIGN.md "The NestJS command handler only loads, decides,
 * appends"): read the stream, let a pure decider decide, append with the expected revision.
 *
 * - `Idempotency-Key`: event ids are derived from the key, so a retry that races its first attempt
 *   is deduplicated by the store; a retry that comes after finds its events in the stream and is
 *   answered with them (200) without deciding again (the case has moved on since).
 * - `If-Match`: the stream must be at that revision (412 otherwise, also when another writer wins
 *   the race after the check).
 * - Without `If-Match`, a lost race (`WrongExpectedRevision`) is retried once on the fresh stream:
 *   safe because the decider re-validates every rule against the new state; the second loss
 *   answers 409 `CONCURRENT_MODIFICATION`.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import type { DomainError } from '#domain/errors/domain-error.js';
import { EventTooLarge } from '#infra/event-store/event-too-large.error.js';
import type {
  EventStore,
  Actor as EnvelopeActor,
  NewEvent,
  RecordedEvent,
} from '#infra/event-store/event-store.port.js';
import { IdempotencyConflict } from '#infra/event-store/idempotency-conflict.error.js';
import { WrongExpectedRevision } from '#infra/event-store/wrong-expected-revision.error.js';
import { problemOfDomainError } from '../problem/domain-error.problem.js';
import {
  problem,
  ProblemException,
  problems,
  type FieldError,
  type ProblemDetails,
} from '../problem/problem-details.js';
import { EVENT_STORE } from '../runtime/runtime-tokens.js';
import type { WriteOutcome } from './command-answer.js';
import { idempotencyScope, type CommandMetadata } from './command-metadata.js';
import { derivedCommandId, derivedEventId, type IdempotencyScope } from '#infra/ids/derived-ids.js';
import { StreamCache } from './stream-cache.js';

/** An event as the deciders produce it (case, catalog and administration events alike). */
export interface DecidedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: unknown;
}

export type Refusal = Omit<DomainError, 'code'> & {
  readonly code: string;
  readonly errors?: readonly FieldError[];
};

export type Decision = readonly DecidedEvent[] | Refusal;

export interface WriteRequest {
  readonly streamId: string;
  readonly metadata: CommandMetadata;
  /** Decides on the stream as just read; called again after a lost race. May be async (lookups). */
  readonly decide: (events: readonly RecordedEvent[]) => Decision | Promise<Decision>;
  /** The stream cannot exist yet (a freshly drawn random id): no need to read it. */
  readonly knownNew?: boolean;
  /**
   * Whether the caller may issue this command on the stream as it now is (R1, finding 5): judged
   * before a keyed retry is answered with its first answer, so a replay never bypasses access.
   */
  readonly authorize?: (events: readonly RecordedEvent[]) => Refusal | undefined;
}

/** The envelope's actor (U1): who, with department and window, as the token said. */
export function envelopeActor(actor: Actor): EnvelopeActor {
  return {
    id: actor.id,
    name: actor.name,
    role: actor.role,
    departmentId: actor.departmentId ?? null,
    windowId: actor.windowId ?? null,
  };
}

@Injectable()
export class StreamWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly cache: StreamCache,
  ) {}

  /**
   * The stream to decide on: from the cache when allowed (`fresh` false), else from the store.
   * `verified` says whether it comes from the store just now.
   */
  private async load(
    streamId: string,
    fresh: boolean,
    knownNew: boolean,
  ): Promise<{ events: readonly RecordedEvent[]; verified: boolean }> {
    if (!fresh) {
      if (knownNew) return { events: [], verified: false };
      const cached = this.cache.get(streamId);
      if (cached !== undefined) return { events: cached, verified: false };
    }
    const events = await this.store.readStream(streamId);
    this.cache.set(streamId, events);
    return { events, verified: true };
  }

  async write(request: WriteRequest): Promise<WriteOutcome> {
    const { streamId, metadata } = request;
    const scope: IdempotencyScope | undefined = idempotencyScope(metadata);
    let fresh = false;
    for (let attempt = 0; ;) {
      const { events, verified } = await this.load(streamId, fresh, request.knownNew === true);
      const revision = events.length === 0 ? -1 : events[events.length - 1]!.revision;

      if (scope) {
        const replay = firstAnswer(events, scope, streamId);
        if (replay) {
          // Finding 5: authorize first, then the retry must be the same request by the same caller.
          const refused = request.authorize?.(events);
          if (refused) throw new ProblemException(problemOfDomainError(refused));
          if (
            replay.events[0]?.causationId !== derivedCommandId(scope, streamId, metadata.requestFingerprint)
          )
            throw new ProblemException(keyReused());
          return replay;
        }
        // A keyed retry must see its first attempt even when another process recorded it.
        if (!verified) {
          fresh = true;
          continue;
        }
      }
      const ifMatchFails =
        (metadata.ifMatch === '*' && revision < 0) ||
        (typeof metadata.ifMatch === 'number' && metadata.ifMatch !== revision);
      // A precondition is judged on the stream as stored, never on a cached copy.
      if (ifMatchFails && !verified) {
        fresh = true;
        continue;
      }
      if (metadata.ifMatch === '*' && revision < 0)
        throw new ProblemException(problems.preconditionFailed('If-Match: * needs an existing stream.'));
      if (typeof metadata.ifMatch === 'number' && metadata.ifMatch !== revision)
        throw new ProblemException(
          problems.preconditionFailed(
            `If-Match names revision ${metadata.ifMatch}, but ${streamId} is at revision ${revision}.`,
          ),
        );

      const decision = await request.decide(events);
      if (!Array.isArray(decision)) {
        // A refusal decided on a cached copy is confirmed on the stream as stored before it is answered.
        if (!verified) {
          fresh = true;
          continue;
        }
        throw new ProblemException(problemOfDomainError(decision as Refusal));
      }
      const decided = decision as readonly DecidedEvent[];
      if (decided.length === 0)
        return {
          streamId,
          revision,
          position: events[events.length - 1]?.position ?? null,
          events: [],
          replayed: false,
        };

      const causationId = derivedCommandId(scope, streamId, metadata.requestFingerprint);
      const toAppend: NewEvent[] = decided.map((e, index) => ({
        eventId: scope ? derivedEventId(scope, streamId, index) : crypto.randomUUID(),
        type: e.type,
        schemaVersion: e.schemaVersion,
        occurredAt: e.occurredAt,
        actor: envelopeActor(e.actor),
        correlationId: metadata.correlationId,
        causationId,
        data: e.data,
      }));
      try {
        const result = await this.store.append(streamId, toAppend, revision < 0 ? 'no_stream' : revision);
        this.cache.appended(streamId, events, result.events);
        // A keyed twin racing this request may have appended these very ids first; the store then
        // answers with that first append, the same answer, so the retry records nothing either way.
        return {
          streamId,
          revision: result.nextRevision,
          position: result.position,
          events: result.events,
          replayed: false,
        };
      } catch (error) {
        if (error instanceof WrongExpectedRevision) {
          this.cache.forget(streamId);
          // The cached copy was stale (another process wrote): read it and decide again; this is
          // not the one retry of a lost race.
          if (!verified) {
            fresh = true;
            continue;
          }
          if (metadata.ifMatch !== undefined)
            throw new ProblemException(
              problems.preconditionFailed(
                `${streamId} moved on to revision ${error.actual} while this command was decided.`,
              ),
            );
          if (attempt++ === 0) {
            fresh = true;
            continue;
          }
          throw new ProblemException(
            problems.concurrentModification(
              `${streamId} was changed by another command twice while this one was decided; reload and retry.`,
            ),
          );
        }
        if (error instanceof EventTooLarge)
          throw new ProblemException(
            problems.payloadTooLarge(`An event of this command would be ${error.sizeBytes} bytes.`),
          );
        if (error instanceof IdempotencyConflict) throw new ProblemException(keyReused());
        throw error;
      }
    }
  }
}

/** Finding 5: a key reused with another body, by another role or scope, or for another command. */
const keyReused = (): ProblemDetails =>
  problem(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    '幂等键已用于其他请求',
    'This Idempotency-Key was already used for a different request (another body, role or scope); use a new key.',
  );

/** The events a keyed command appended earlier, in order, if its first derived event is in the stream. */
function firstAnswer(
  events: readonly RecordedEvent[],
  scope: IdempotencyScope,
  streamId: string,
): WriteOutcome | undefined {
  const start = events.findIndex((e) => e.eventId === derivedEventId(scope, streamId, 0));
  if (start < 0) return undefined;
  const mine: RecordedEvent[] = [];
  for (let i = start; i < events.length; i++) {
    if (events[i]!.eventId !== derivedEventId(scope, streamId, mine.length)) break;
    mine.push(events[i]!);
  }
  const last = mine[mine.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events: mine, replayed: true };
}
