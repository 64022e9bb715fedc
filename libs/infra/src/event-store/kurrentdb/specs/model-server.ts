import { PassThrough } from 'node:stream';
import {
  BACKWARDS,
  END,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type GetStreamMetadataResult,
  type JSONType,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ResolvedEvent,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { KurrentClient, KurrentSubscription } from '../kurrentdb-client.js';

/**
 * A minimal `KurrentClient` over an in-memory model of the server's stream rules, as read in the
 * KurrentDB source (IndexWriter.CheckCommit; ClientAPI/soft_delete.cs), to test the adapter's logic
 * without a server (none can run here). It is not EventStoreDB: what only a server can show is in
 * the contract suite (EVENTSTORE_TEST_URL) and in the README.
 *  - an append at the exact last revision, or NO_STREAM on an absent or soft-deleted stream, is written;
 *  - an expected revision below the last one whose next events carry the same ids is idempotent;
 *  - a soft-deleted stream reads as not found, and is numbered on after its deleted events;
 *  - reads of an absent stream throw the client's StreamNotFoundError; of a tombstoned one StreamDeletedError.
 * Tests script failures: `appendFaults` (thrown before or after the write), `readFaults`,
 * `readAllFaults`, and
 * `hiddenReads` (reads that do not see the last append yet, as before the leader indexed it).
 */
interface StoredEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: number;
  readonly type: string;
  readonly data: JSONType;
  readonly metadata: JSONType | undefined;
  readonly position: Position;
}

interface StreamModel {
  events: StoredEvent[];
  truncateBefore?: number;
  tombstoned?: boolean;
}

export interface AppendFault {
  /** Thrown instead of writing. */
  readonly before?: Error;
  /** Thrown after writing (the answer lost). */
  readonly after?: Error;
}

export type ModelCall =
  | {
      readonly method: 'appendToStream';
      readonly streamName: string;
      readonly options?: AppendToStreamOptions;
    }
  | { readonly method: 'readStream'; readonly streamName: string; readonly options?: ReadStreamOptions }
  | { readonly method: 'readAll'; readonly options?: ReadAllOptions }
  | { readonly method: 'subscribeToAll'; readonly options?: SubscribeToAllOptions };

const DELETED = Number.MAX_SAFE_INTEGER;

/** A subscription a test writes resolved events into (and destroys with an error). */
export type ModelSubscription = PassThrough & AllStreamSubscription;

export class ModelServer implements KurrentClient {
  readonly calls: ModelCall[] = [];
  readonly appendFaults: AppendFault[] = [];
  readonly readFaults: Error[] = [];
  readonly readAllFaults: Error[] = [];
  /** Scripted subscriptions, one per subscribeToAll call. */
  readonly subscriptions: Array<
    (options: SubscribeToAllOptions | undefined, subscription: ModelSubscription) => void
  > = [];
  hiddenReads = 0;
  private readonly streams = new Map<string, StreamModel>();
  private lastWritten: readonly StoredEvent[] = [];
  private nextPosition = 100n;

  async appendToStream(
    streamName: string,
    events: EventData[],
    options?: AppendToStreamOptions,
  ): Promise<AppendResult> {
    this.calls.push({ method: 'appendToStream', streamName, options });
    const fault = this.appendFaults.shift();
    if (fault?.before) throw fault.before;
    const stream = this.stream(streamName);
    if (stream.tombstoned) throw StreamDeletedError.fromStreamName(streamName);
    const current = stream.events.length - 1;
    const state = options?.streamState ?? 'any';
    const expected = state === 'no_stream' ? -1 : typeof state === 'bigint' ? Number(state) : undefined;
    const softDeleted = stream.truncateBefore === DELETED;
    if (expected !== undefined && expected !== current && !(expected === -1 && softDeleted)) {
      const idempotent =
        expected < current && events.every((event, i) => stream.events[expected + 1 + i]?.id === event.id);
      if (idempotent) return this.result(stream.events[expected + events.length]);
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        current: current < 0 ? 'no_stream' : BigInt(current),
        expected: state,
      });
    }
    if (softDeleted) stream.truncateBefore = current + 1;
    this.lastWritten = events.map((event, i) => this.store(stream, streamName, current + 1 + i, event));
    if (fault?.after) throw fault.after;
    return this.result(this.lastWritten[this.lastWritten.length - 1]);
  }

  readStream(streamName: string, options?: ReadStreamOptions): AsyncIterableIterator<ResolvedEvent> {
    this.calls.push({ method: 'readStream', streamName, options });
    const fault = this.readFaults.shift();
    const stream = this.streams.get(streamName);
    const hidden = this.hiddenReads > 0 ? new Set(this.lastWritten) : new Set<StoredEvent>();
    if (this.hiddenReads > 0) this.hiddenReads--;
    const visible = (stream?.events ?? []).filter(
      (event) => event.revision >= (stream?.truncateBefore ?? 0) && !hidden.has(event),
    );
    return (async function* () {
      if (fault) throw fault;
      if (stream?.tombstoned) throw StreamDeletedError.fromStreamName(streamName);
      if (visible.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const from = options?.fromRevision ?? START;
      const backwards = options?.direction === BACKWARDS;
      const start = from === START ? 0 : from === END ? Number.MAX_SAFE_INTEGER : Number(from);
      const selected = backwards
        ? visible.filter((event) => event.revision <= start).reverse()
        : visible.filter((event) => event.revision >= start);
      for (const event of selected.slice(0, Number(options?.maxCount ?? Number.MAX_SAFE_INTEGER)))
        yield resolved(event);
    })();
  }

  readAll(options?: ReadAllOptions): AsyncIterableIterator<AllStreamResolvedEvent> {
    this.calls.push({ method: 'readAll', options });
    const fault = this.readAllFaults.shift();
    const all = [...this.streams.values()].flatMap((stream) => stream.events);
    all.sort((a, b) => (a.position.commit < b.position.commit ? -1 : 1));
    const selected = options?.direction === BACKWARDS ? all.reverse() : all;
    return (async function* () {
      if (fault) throw fault;
      for (const event of selected.slice(0, Number(options?.maxCount ?? Number.MAX_SAFE_INTEGER)))
        yield resolved(event);
    })();
  }

  subscribeToAll(options?: SubscribeToAllOptions): KurrentSubscription {
    this.calls.push({ method: 'subscribeToAll', options });
    const stream = new PassThrough({ objectMode: true });
    // The client's unsubscribe cancels the call, which ends the stream.
    const subscription: ModelSubscription = Object.assign(stream, {
      unsubscribe: async () => {
        stream.end();
      },
    });
    const script = this.subscriptions.shift();
    if (script) setImmediate(() => script(options, subscription));
    return subscription;
  }

  async getStreamMetadata(streamName: string): Promise<GetStreamMetadataResult> {
    const truncateBefore = this.streams.get(streamName)?.truncateBefore;
    return truncateBefore === undefined ? { streamName } : { streamName, metadata: { truncateBefore } };
  }

  async dispose(): Promise<void> {}

  /** What `deleteStream` does: `$tb` set to "deleted"; the events stay in the log. */
  softDelete(streamName: string): void {
    this.stream(streamName).truncateBefore = DELETED;
  }

  tombstone(streamName: string): void {
    this.stream(streamName).tombstoned = true;
  }

  /** An event written by another tool, not in this store's envelope. */
  appendForeign(streamName: string, type = 'Foreign'): void {
    const stream = this.stream(streamName);
    this.store(
      stream,
      streamName,
      stream.events.length,
      jsonEvent({ type, data: { note: 'not written by this store' } }),
    );
  }

  resolvedAt(streamName: string, revision: number): AllStreamResolvedEvent {
    return resolved(this.stream(streamName).events[revision]);
  }

  private stream(streamName: string): StreamModel {
    let stream = this.streams.get(streamName);
    if (!stream) this.streams.set(streamName, (stream = { events: [] }));
    return stream;
  }

  private store(stream: StreamModel, streamId: string, revision: number, event: EventData): StoredEvent {
    if (event.contentType !== 'application/json') throw new Error('the adapter only writes JSON');
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 100n;
    const stored: StoredEvent = {
      streamId,
      id: event.id,
      revision,
      type: event.type,
      // What the server stores is what the client sent: JSON text.
      data: jsonCopy(event.data),
      metadata: event.metadata === undefined ? undefined : jsonCopy(event.metadata),
      position,
    };
    stream.events.push(stored);
    return stored;
  }

  private result(last: StoredEvent): AppendResult {
    return { success: true, nextExpectedRevision: BigInt(last.revision), position: last.position };
  }
}

function jsonCopy(value: unknown): JSONType {
  const copy: JSONType = JSON.parse(JSON.stringify(value));
  return copy;
}

function resolved(event: StoredEvent): AllStreamResolvedEvent {
  return {
    event: {
      streamId: event.streamId,
      id: event.id,
      revision: BigInt(event.revision),
      type: event.type,
      isJson: true,
      created: new Date(),
      data: event.data,
      metadata: event.metadata,
      position: event.position,
    },
    commitPosition: event.position.commit,
  };
}
