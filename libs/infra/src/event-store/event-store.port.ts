import type { Integrity, StreamVerification } from '../integrity/hash-chain.js';
import type { EventTooLarge } from './event-too-large.error.js';
import type { IdempotencyConflict } from './idempotency-conflict.error.js';
import type { InvalidAppend } from './invalid-append.error.js';
import type { Position } from './position.js';
import type { Instant } from './shanghai-instant.js';
import type { WrongExpectedRevision } from './wrong-expected-revision.error.js';

/**
 * The event store port (DESIGN.md, "Event store"). Adapters: PostgreSQL server and embedded PGlite
 * (`postgres/postgres-event-store.ts`), EventStoreDB/KurrentDB (`kurrentdb/kurrentdb-event-store.ts`);
 * `create-event-store.ts` picks one from a URL. Every adapter passes `test/event-store`.
 */

export { START, comparePositions, isPosition, InvalidPosition } from './position.js';
export { WrongExpectedRevision } from './wrong-expected-revision.error.js';
export { EventTooLarge } from './event-too-large.error.js';
export { IdempotencyConflict } from './idempotency-conflict.error.js';
export { InvalidAppend } from './invalid-append.error.js';
export type { Position } from './position.js';
export type { Instant } from './shanghai-instant.js';
export type { Integrity, StreamVerification } from '../integrity/hash-chain.js';
export type { HashAlgorithm } from '../integrity/hash-algorithm.js';

/** Who recorded an event (U1). `departmentId`/`windowId` are null for roles that have none. */
export interface RecordedActor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
}

/** An event as a writer hands it to `append`; the store adds stream, revision, position, recordedAt, integrity. */
export interface NewEvent<Data = unknown> {
  /** A UUID chosen by the writer: appending it again to the same stream records nothing new. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  /** Business time (U1, U2): a `Date`, epoch milliseconds, or an ISO string with an offset. */
  readonly occurredAt: Instant;
  readonly actor: RecordedActor;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** A JSON object; it is stored and hashed as JSON, so it comes back as plain JSON. */
  readonly data: Data;
}

/** An event as the store returns it (API.md: "A recorded event, as returned"). */
export interface RecordedEvent<Data = unknown> {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 0-based within the stream. */
  readonly revision: number;
  /** Global, store-assigned, increasing in the order readers see events. */
  readonly position: Position;
  /** `YYYY-MM-DDTHH:mm:ss.sss+08:00`. */
  readonly occurredAt: string;
  /** The store's time, `YYYY-MM-DDTHH:mm:ss.sss+08:00`; never earlier than the previous event's of its stream. */
  readonly recordedAt: string;
  readonly actor: RecordedActor;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: Data;
  /** U3 and U8: `{ alg, prevHash, hash }`, and `switchedFrom` on the event where a chain changed algorithm. */
  readonly integrity: Integrity;
}

/** `no_stream`: the stream must not exist; a number: the stream's last revision must be it; `any`: no check. */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface AppendResult {
  /** The stream's revision after the append (the last event's revision), for the next expected revision. */
  readonly nextRevision: number;
  /** The last event's position: what a reader must reach to see this append (`minPosition`). */
  readonly position: Position;
  readonly events: readonly RecordedEvent[];
}

export interface ReadStreamOptions {
  /** First revision to return; default 0. */
  readonly fromRevision?: number;
  /** Only events recorded at or before this instant: the stream as it stood then (U4). */
  readonly untilTime?: Instant;
}

/** Which events `readAll` and `subscribe` deliver; absent: every event of the application. */
export type EventFilter = { readonly streamPrefix: string } | { readonly eventTypes: readonly string[] };

export interface ReadAllOptions {
  readonly filter?: EventFilter;
  /** Most events in one page; default 500. */
  readonly batchSize?: number;
}

export interface ReadAllPage {
  /** In position order, all after the `fromPosition` asked for. */
  readonly events: readonly RecordedEvent[];
  /** Where the next page starts (exclusive). May pass events the filter left out. */
  readonly nextPosition: Position;
  /** True when nothing more was readable when the page was read (fewer events than `batchSize`). */
  readonly caughtUp: boolean;
}

export interface SubscribeOptions {
  readonly filter?: EventFilter;
  /** Aborting ends the iteration (as does `break` in a `for await`) and releases its resources. */
  readonly signal?: AbortSignal;
  /** Events per catch-up page; default 500. */
  readonly batchSize?: number;
}

/** The typed failures of `append`. */
export type AppendError = WrongExpectedRevision | EventTooLarge | IdempotencyConflict | InvalidAppend;

export interface EventStore {
  /**
   * Appends events atomically to a stream at the expected revision; all or nothing.
   * Appending again events whose ids are already the stream's (the same ids, in the same order, as
   * one earlier append) writes nothing and answers as the first append did, whatever the expected
   * revision. Throws an `AppendError` (and driver errors for a lost connection).
   */
  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;

  /** The stream's events in revision order; `[]` for a stream that does not exist. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<readonly RecordedEvent[]>;

  /** The stream's last revision, -1 when it does not exist. */
  streamRevision(streamId: string): Promise<number>;

  /** One page of every stream's events after `fromPosition` (exclusive; `START` for all), in position order. */
  readAll(fromPosition: Position, options?: ReadAllOptions): Promise<ReadAllPage>;

  /**
   * Events after `fromPosition` (exclusive), each once and in position order: first those already
   * stored (catch-up), then new ones as they are recorded (live), with no gap at the switch. Ends
   * when the consumer stops (`break`, `return()`, the signal) or the store is closed.
   */
  subscribe(fromPosition: Position, options?: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /**
   * Optional: the position of the store's last event (any stream, any type), `START` when empty; a
   * reader of what is recorded from now on subscribes from it. EventStoreDB provides it (one event
   * read backwards from the end of `$all`), where a filtered scan of `$all` would read it all.
   */
  headPosition?(): Promise<Position>;

  /**
   * Optional: how many events lie after `fromPosition` (exclusive), every stream, counted by the
   * store itself (the SQL store: one count over its position index); what a rebuild's progress bar
   * and ETA start from. A store without it is counted by reading its pages (a rebuild's
   * count-events.ts), which on the SQL store took seconds at 280,000 events.
   */
  countAfter?(fromPosition: Position): Promise<number>;

  /** Checks the stream's hash chain (U3). */
  verifyStream(streamId: string): Promise<StreamVerification>;

  close(): Promise<void>;
}
