/**
 * The event store on EventStoreDB/KurrentDB (`esdb://`, `kurrentdb://` …) through the official
 * client `@kurrent/kurrentdb-client`. The server gives what PostgreSQL needed work for: streams
 * with optimistic concurrency (`streamState`), one global order (`$all`, positions
 * commit/prepare), and catch-up subscriptions to `$all` with a server-side filter.
 *
 * This adapter's own work: the envelope in metadata (kurrentdb-envelope.ts), the hash chain (U3)
 * computed before the append on top of the stream's head, idempotency by event id (the server's
 * own only covers a retry at the same expected version, so the stream is checked for the ids), and
 * positions in the port's checkpoint format (`<commit>:<prepare>`, see position.ts).
 *
 * Every append reads the stream (head and ids) and reads back what it wrote (to answer with the
 * positions the server gave each event): three round trips, acceptable for case streams of tens of
 * events. U5 is the server's nature: events are never updated; this adapter never deletes.
 */
import {
  BACKWARDS,
  ErrorType,
  FORWARDS,
  KurrentDBClient,
  NO_STREAM,
  isCommandError,
  type AllStreamResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { verifyChain, type StreamVerification } from '../../integrity/hash-chain.js';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import { comparePositions, parsePosition, type Position } from '../position.js';
import { prepareAppend } from '../prepared-event.js';
import { previousAppend } from '../previous-append.js';
import { EMPTY_STREAM, chainOnto, headOf } from '../recorded-events.js';
import { instantToEpochMs } from '../shanghai-instant.js';
import { WrongExpectedRevision } from '../wrong-expected-revision.error.js';
import {
  fromKurrentPosition,
  fromResolvedEvent,
  toEventData,
  toKurrentPosition,
} from './kurrentdb-envelope.js';
import { matchesFilter, serverFilter } from './kurrentdb-filter.js';

export interface KurrentDbEventStoreOptions {
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly clock?: () => Date;
}

const DEFAULT_BATCH_SIZE = 500;
const ANY_REVISION_ATTEMPTS = 20;

export class KurrentDbEventStore implements EventStore {
  private readonly clock: () => Date;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    options: KurrentDbEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Connects lazily: the client opens its channel at the first call. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, expectedRevision);
    const eventIds = prepared.map((event) => event.eventId);
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStream(streamId);
      const wanted = new Set(eventIds);
      const previous = previousAppend(
        streamId,
        eventIds,
        stored.filter((event) => wanted.has(event.eventId)),
      );
      if (previous) return previous;
      const last = stored.at(-1);
      const head = last ? headOf(last, instantToEpochMs(last.recordedAt)) : EMPTY_STREAM;
      if (
        expectedRevision !== 'any' &&
        (expectedRevision === 'no_stream' ? -1 : expectedRevision) !== head.revision
      ) {
        throw new WrongExpectedRevision(streamId, expectedRevision, head.revision);
      }
      const chained = chainOnto(head, streamId, prepared, this.clock().getTime());
      try {
        // The exact head we chained onto, even for `any`: the hash chain must not fork.
        await this.client.appendToStream(streamId, chained.events.map(toEventData), {
          streamState: head.revision < 0 ? NO_STREAM : BigInt(head.revision),
        });
      } catch (error) {
        if (!isErrorOfType(error, ErrorType.WRONG_EXPECTED_VERSION)) throw error;
        if (expectedRevision === 'any' && attempt < ANY_REVISION_ATTEMPTS) continue;
        const now = await this.readStream(streamId);
        const again = previousAppend(
          streamId,
          eventIds,
          now.filter((event) => wanted.has(event.eventId)),
        );
        if (again) return again;
        throw new WrongExpectedRevision(streamId, expectedRevision, now.at(-1)?.revision ?? -1);
      }
      // Read back: the append answers with the positions the server gave each event.
      const written = (await this.readStream(streamId, { fromRevision: head.revision + 1 })).slice(
        0,
        prepared.length,
      );
      if (written.length === prepared.length && written.every((event, i) => event.eventId === eventIds[i])) {
        const lastWritten = written[written.length - 1];
        return { nextRevision: lastWritten.revision, position: lastWritten.position, events: written };
      }
      // The server took this as a repeat of an identical append made at the same moment (its own
      // idempotency): answer as that one.
      const repeated = previousAppend(
        streamId,
        eventIds,
        (await this.readStream(streamId)).filter((event) => wanted.has(event.eventId)),
      );
      if (repeated) return repeated;
      throw new Error(
        `stream ${streamId}: the server acknowledged the append, but its events are not in the stream`,
      );
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const fromRevision = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
      throw new RangeError(`fromRevision must be a revision >= 0, not ${fromRevision}`);
    }
    const untilMs = options.untilTime === undefined ? undefined : instantToEpochMs(options.untilTime);
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        fromRevision: BigInt(fromRevision),
        direction: FORWARDS,
      })) {
        const event = fromResolvedEvent(resolved);
        if (!event) continue;
        // recordedAt never goes back within a stream (recorded-events.ts), so this is a prefix (U4).
        if (untilMs !== undefined && instantToEpochMs(event.recordedAt) > untilMs) break;
        events.push(event);
      }
    } catch (error) {
      if (isErrorOfType(error, ErrorType.STREAM_NOT_FOUND)) return [];
      throw error;
    }
    return events;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    try {
      for await (const resolved of this.client.readStream(streamId, { direction: BACKWARDS, maxCount: 1 })) {
        if (resolved.event) return Number(resolved.event.revision);
      }
    } catch (error) {
      if (isErrorOfType(error, ErrorType.STREAM_NOT_FOUND)) return -1;
      throw error;
    }
    return -1;
  }

  async readAll(fromPosition: Position, options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    parsePosition(fromPosition);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be >= 1, not ${batchSize}`);
    const filter = serverFilter(options.filter);
    const events: RecordedEvent[] = [];
    let scanned = fromPosition;
    for (;;) {
      // One more than needed: a read from a position may start with the event at that position.
      const maxCount = batchSize - events.length + 1;
      let returned = 0;
      for await (const resolved of this.client.readAll({
        fromPosition: toKurrentPosition(scanned),
        maxCount,
        filter,
      })) {
        returned++;
        const position = positionOf(resolved);
        if (position === undefined || comparePositions(position, scanned) <= 0) continue;
        scanned = position;
        const event = fromResolvedEvent(resolved);
        if (event && matchesFilter(event, options.filter)) events.push(event);
        if (events.length === batchSize) break;
      }
      if (events.length === batchSize) return { events, nextPosition: scanned, caughtUp: false };
      if (returned < maxCount) return { events, nextPosition: scanned, caughtUp: true };
    }
  }

  subscribe(fromPosition: Position, options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    parsePosition(fromPosition);
    return { [Symbol.asyncIterator]: () => this.subscription(fromPosition, options) };
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    return verifyChain(await this.readStream(streamId));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  /** The server's catch-up subscription to `$all`: catch-up, then live, filtered on the server. */
  private async *subscription(
    fromPosition: Position,
    options: SubscribeOptions,
  ): AsyncGenerator<RecordedEvent> {
    const { signal } = options;
    if (signal?.aborted) return;
    const subscription = this.client.subscribeToAll({
      fromPosition: toKurrentPosition(fromPosition),
      filter: serverFilter(options.filter),
    });
    const stop = (): void => {
      void subscription.unsubscribe().catch(() => undefined);
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      let last = fromPosition;
      for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
        if (this.closed || signal?.aborted) return;
        const position = positionOf(resolved);
        if (position === undefined || comparePositions(position, last) <= 0) continue;
        last = position;
        const event = fromResolvedEvent(resolved);
        if (event && matchesFilter(event, options.filter)) yield event;
      }
    } catch (error) {
      if (this.closed || signal?.aborted) return;
      throw error;
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}

function positionOf(resolved: AllStreamResolvedEvent): Position | undefined {
  const position = resolved.event?.position ?? resolved.link?.position;
  return position ? fromKurrentPosition(position) : undefined;
}

function isErrorOfType(error: unknown, type: ErrorType): boolean {
  return error instanceof Error && isCommandError(error) && error.type === type;
}
