/**
 * The one write path of every command (DESIGN.md "The NestJS command handler only loads, decides,
 * appends"; Emmett's `handleCommand`): read the stream, let a pure decider decide, append with the
 * expected revision, and say what happened as a typed result. The edges map it: the API to HTTP
 * (command-pipeline/stream-writer.ts), supervision to its tick report (supervise-stream.ts in
 * apps/projector/src/supervision).
 *
 * - Idempotency (`idempotency`): event ids are derived from the key, so a retry that races its
 *   first attempt is deduplicated by the store; a retry that comes after finds its events in the
 *   stream and is answered with them (`replayed`) without deciding again (the case has moved on).
 * - `ifMatch`: the stream must be at that revision (`precondition_failed` otherwise, also when
 *   another writer wins the race after the check).
 * - Without `ifMatch`, a lost race is decided again on the fresh stream `retries` times (default
 *   once): safe because the decider re-validates every rule against the new state; the next loss
 *   is a `conflict`.
 */
import type { Actor } from '#domain/actor/actor.js';
import type { DomainError } from '#domain/errors/domain-error.js';
import type {
  EventStore,
  NewEvent,
  Position,
  RecordedActor,
  RecordedEvent,
} from '../event-store/event-store.port.js';
import { EventTooLarge } from '../event-store/event-too-large.error.js';
import { IdempotencyConflict } from '../event-store/idempotency-conflict.error.js';
import { WrongExpectedRevision } from '../event-store/wrong-expected-revision.error.js';
import { derivedCommandId, derivedEventId, type IdempotencyScope } from '../ids/derived-ids.js';
import type { StreamCache } from './stream-cache.js';

/** An event as the deciders produce it (case, complaint, catalog and administration events alike). */
export interface DecidedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly data: unknown;
}

/** A decider's refusal: a DomainError, or an administration one (any code, with field errors). */
export type Refusal = Omit<DomainError, 'code'> & {
  readonly code: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
};

/** What a decider answers on a stream: the events to record (none: nothing to do), or a refusal. */
export type StreamDecision<E extends DecidedEvent = DecidedEvent> = readonly E[] | Refusal;

export const isRefusal = <E extends DecidedEvent>(decision: StreamDecision<E>): decision is Refusal =>
  !Array.isArray(decision);

/** What was recorded (or, for a replay of a keyed retry, what the first attempt recorded). */
export interface WriteOutcome {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position | null;
  readonly events: readonly RecordedEvent[];
  /** True when an Idempotency-Key found its first answer: nothing new was recorded. */
  readonly replayed: boolean;
}

export type CommandResult =
  | { readonly kind: 'recorded'; readonly outcome: WriteOutcome }
  | { readonly kind: 'refused'; readonly refusal: Refusal }
  /** `mustExist` and the stream has no events. */
  | { readonly kind: 'missing' }
  | { readonly kind: 'precondition_failed'; readonly detail: string }
  /** Lost the race more often than `retries` allows. */
  | { readonly kind: 'conflict'; readonly detail: string }
  /** A key reused with another request, or ids of an earlier append reused with other events. */
  | { readonly kind: 'key_reused' }
  | { readonly kind: 'too_large'; readonly sizeBytes: number };

/** The envelope of an event beyond what the decider said: its id and its cause. */
export interface Envelope {
  readonly eventId: string;
  readonly causationId: string | null;
}

export interface CommandRequest<E extends DecidedEvent = DecidedEvent> {
  readonly streamId: string;
  /** Decides on the stream as just read; called again after a lost race. May be async (lookups). */
  readonly decide: (events: readonly RecordedEvent[]) => StreamDecision<E> | Promise<StreamDecision<E>>;
  /**
   * Whether the caller may issue this command on the stream as it now is (R1, finding 5): judged
   * before a keyed retry is answered with its first answer, so a replay never bypasses access.
   */
  readonly authorize?: (events: readonly RecordedEvent[]) => Refusal | undefined;
  readonly correlationId: string;
  /** The key's scope and what the request must repeat exactly to be its retry (finding 5). */
  readonly idempotency?: { readonly scope: IdempotencyScope; readonly fingerprint: string };
  readonly ifMatch?: number | '*';
  /** The stream cannot exist yet (a freshly drawn random id): no need to read it. */
  readonly knownNew?: boolean;
  /** An empty stream is `missing`, not decided on. */
  readonly mustExist?: boolean;
  /** How often a lost race (no `ifMatch`) is decided again; 1 unless said. */
  readonly retries?: number;
  /**
   * Work the recording needs done first, once the decider has chosen to record and before the
   * append (I2: the data key is destroyed before `PersonalDataErased` is recorded). It runs only on
   * a decision taken on the stream as stored, and again if that append loses a race, so it must be
   * safe to repeat. A throw records nothing and reaches the caller.
   */
  readonly beforeAppend?: (decided: readonly E[]) => Promise<void>;
  /** Event ids and causes other than derived from the key (supervision derives them from the facts). */
  readonly envelope?: (event: E, index: number, recorded: readonly RecordedEvent[]) => Envelope;
}

/** The envelope's actor (U1): who, with department and window, as the token said. */
export function recordedActor(actor: Actor): RecordedActor {
  return {
    id: actor.id,
    name: actor.name,
    role: actor.role,
    departmentId: actor.departmentId ?? null,
    windowId: actor.windowId ?? null,
  };
}

/** A decided event as the store records it: the fact and its actor (U1), under the ids given. */
export const newEventOf = (e: DecidedEvent, envelope: Envelope, correlationId: string): NewEvent => ({
  ...envelope,
  type: e.type,
  schemaVersion: e.schemaVersion,
  occurredAt: e.occurredAt,
  actor: recordedActor(e.actor),
  correlationId,
  data: e.data,
});

export async function handleCommand<E extends DecidedEvent>(
  store: EventStore,
  request: CommandRequest<E>,
  cache?: StreamCache,
): Promise<CommandResult> {
  const { streamId, idempotency, ifMatch } = request;
  const scope = idempotency?.scope;
  const causationId = (): string => derivedCommandId(scope, streamId, idempotency?.fingerprint);
  let fresh = cache === undefined;
  let retriesLeft = request.retries ?? 1;
  for (;;) {
    let events: readonly RecordedEvent[];
    let verified = false;
    const cached = fresh ? undefined : request.knownNew ? [] : cache?.get(streamId);
    if (cached !== undefined) events = cached;
    else {
      events = await store.readStream(streamId);
      cache?.set(streamId, events);
      verified = true;
    }
    const revision = events.length === 0 ? -1 : events[events.length - 1]!.revision;

    if (scope) {
      const replay = firstAnswer(events, scope, streamId);
      if (replay) {
        // Finding 5: authorize first, then the retry must be the same request by the same caller.
        const refused = request.authorize?.(events);
        if (refused) return { kind: 'refused', refusal: refused };
        if (replay.events[0]?.causationId !== causationId()) return { kind: 'key_reused' };
        return { kind: 'recorded', outcome: replay };
      }
      // A keyed retry must see its first attempt even when another process recorded it.
      if (!verified) {
        fresh = true;
        continue;
      }
    }
    const unmet = ifMatchUnmet(ifMatch, streamId, revision);
    // A precondition is judged on the stream as stored, never on a cached copy.
    if (unmet && !verified) {
      fresh = true;
      continue;
    }
    if (unmet) return unmet;
    if (request.mustExist && revision < 0) return { kind: 'missing' };

    const decision = await request.decide(events);
    if (isRefusal(decision)) {
      // A refusal decided on a cached copy is confirmed on the stream as stored before it is answered.
      if (!verified) {
        fresh = true;
        continue;
      }
      return { kind: 'refused', refusal: decision };
    }
    if (decision.length === 0)
      return {
        kind: 'recorded',
        outcome: {
          streamId,
          revision,
          position: events.at(-1)?.position ?? null,
          events: [],
          replayed: false,
        },
      };

    if (request.beforeAppend) {
      // A side effect is never taken on the word of a cached copy.
      if (!verified) {
        fresh = true;
        continue;
      }
      await request.beforeAppend(decision);
    }
    const cause = request.envelope ? undefined : causationId();
    const toAppend: NewEvent[] = decision.map((e, index) =>
      newEventOf(
        e,
        request.envelope?.(e, index, events) ?? {
          eventId: scope ? derivedEventId(scope, streamId, index) : crypto.randomUUID(),
          causationId: cause ?? null,
        },
        request.correlationId,
      ),
    );
    try {
      const result = await store.append(streamId, toAppend, revision < 0 ? 'no_stream' : revision);
      cache?.appended(streamId, events, result.events);
      // A keyed twin racing this request may have appended these very ids first; the store then
      // answers with that first append. The same request shares its answer; another request under
      // the same key (its cause differs) recorded nothing and must not be told otherwise (finding 5).
      if (scope && cause !== undefined && result.events[0]?.causationId !== cause)
        return { kind: 'key_reused' };
      const outcome = {
        streamId,
        revision: result.nextRevision,
        position: result.position,
        events: result.events,
        replayed: false,
      };
      return { kind: 'recorded', outcome };
    } catch (error) {
      if (error instanceof WrongExpectedRevision) {
        cache?.forget(streamId);
        // The cached copy was stale (another process wrote): read it and decide again; this is
        // not the retry of a lost race.
        if (!verified) {
          fresh = true;
          continue;
        }
        if (ifMatch !== undefined)
          return {
            kind: 'precondition_failed',
            detail: `${streamId} moved on to revision ${error.actual} while this command was decided.`,
          };
        if (retriesLeft-- > 0) {
          fresh = true;
          continue;
        }
        return {
          kind: 'conflict',
          detail: `${streamId} was changed by another command twice while this one was decided; reload and retry.`,
        };
      }
      if (error instanceof EventTooLarge) return { kind: 'too_large', sizeBytes: error.sizeBytes };
      if (error instanceof IdempotencyConflict) return { kind: 'key_reused' };
      throw error;
    }
  }
}

/** API.md "Conventions": why `If-Match` does not hold for a stream at `revision` (-1: none), if it does not. */
export function ifMatchUnmet(
  ifMatch: number | '*' | undefined,
  streamId: string,
  revision: number,
): { readonly kind: 'precondition_failed'; readonly detail: string } | undefined {
  if (ifMatch === '*' && revision < 0)
    return { kind: 'precondition_failed', detail: `If-Match: * needs an existing ${streamId} stream.` };
  if (typeof ifMatch === 'number' && ifMatch !== revision)
    return {
      kind: 'precondition_failed',
      detail: `If-Match names revision ${ifMatch}, but ${streamId} is at revision ${revision}.`,
    };
  return undefined;
}

/** The events a keyed command appended earlier, in order, if its first derived event is in the stream. */
function firstAnswer(
  events: readonly RecordedEvent[],
  scope: IdempotencyScope,
  streamId: string,
): WriteOutcome | undefined {
  const first = derivedEventId(scope, streamId, 0);
  const start = events.findIndex((e) => e.eventId === first);
  if (start < 0) return undefined;
  const mine: RecordedEvent[] = [];
  for (let i = start; i < events.length; i++) {
    if (events[i]!.eventId !== derivedEventId(scope, streamId, mine.length)) break;
    mine.push(events[i]!);
  }
  const last = mine[mine.length - 1]!;
  return { streamId, revision: last.revision, position: last.position, events: mine, replayed: true };
}
