/**
 * The event store on EventStoreDB/KurrentDB (`kurrentdb://`, `esdb://` …) through the official
 * client `@kurrent/kurrentdb-client`. The server gives what PostgreSQL needed work for: streams
 * with optimistic concurrency (`streamState`), one global order (`$all`, positions
 * commit/prepare), and catch-up subscriptions to `$all` with a server-side filter.
 *
 * This adapter's own work: the envelope in metadata (kurrentdb-envelope.ts), the hash chain (U3)
 * computed before the append on top of the stream's head, idempotency by event id, and positions in
 * the port's checkpoint format (`<commit>:<prepare>`, see position.ts). The server decides a race
 * (the exact revision chained onto is the expected revision sent); the adapter's work is to
 * answer every append truthfully (kurrentdb-append.ts). U5 is the server's nature: events are
 * never updated; this adapter never deletes, and reports a stream someone else deleted.
 */
import {
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  KurrentDBClient,
  START as START_REVISION,
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
import { START, comparePositions, parsePosition, type Position } from '../position.js';
import { instantToEpochMs } from '../shanghai-instant.js';
import { StreamHeadCache } from '../stream-head-cache.js';
import { KurrentAppender } from './kurrentdb-append.js';
import type { KurrentClient } from './kurrentdb-client.js';
import { fromResolvedEvent, toKurrentPosition } from './kurrentdb-envelope.js';
import { isCommandErrorOfType, translateKurrentError } from './kurrentdb-errors.js';
import { matchesFilter, serverFilter } from './kurrentdb-filter.js';
import { lastRevision, readWholeStream, type KurrentStreamHead } from './kurrentdb-stream-read.js';
import { positionOf, subscribeToAll } from './kurrentdb-subscription.js';

export interface KurrentDbEventStoreOptions {
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly clock?: () => Date;
  /** How long an append whose outcome the server did not confirm is re-read before failing; default 5 s. */
  readonly unconfirmedAppendBudgetMs?: number;
}

const DEFAULT_BATCH_SIZE = 500;
/** Heads with the event ids of their stream (case streams hold tens of events). */
const HEAD_CACHE_SIZE = 2_000;

export class KurrentDbEventStore implements EventStore {
  private readonly heads = new StreamHeadCache<KurrentStreamHead>(HEAD_CACHE_SIZE);
  private readonly appender: KurrentAppender;
  private closed = false;

  private constructor(
    private readonly client: KurrentClient,
    options: KurrentDbEventStoreOptions,
  ) {
    this.appender = new KurrentAppender(client, this.heads, {
      clock: options.clock ?? (() => new Date()),
      budgetMs: options.unconfirmedAppendBudgetMs ?? 5_000,
    });
  }

  /** Connects lazily: the client opens its channel at the first call. */
  static connect(connectionString: string, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString), options);
  }

  /** On a client given (tests inject one implementing the few methods used). */
  static withClient(client: KurrentClient, options: KurrentDbEventStoreOptions = {}): KurrentDbEventStore {
    return new KurrentDbEventStore(client, options);
  }

  append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    this.assertOpen();
    return this.appender.append(streamId, events, expectedRevision);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const fromRevision = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
      throw new RangeError(`fromRevision must be a revision >= 0, not ${fromRevision}`);
    }
    const untilMs = options.untilTime === undefined ? undefined : instantToEpochMs(options.untilTime);
    try {
      if (fromRevision === 0 && untilMs === undefined) {
        // The usual read before a command: its head (with the stream's event ids) saves the
        // append a read. A follower's stale head only costs a conflict the leader then resolves.
        const whole = await readWholeStream(this.client, streamId, false);
        this.heads.remember(streamId, whole.head);
        return whole.events;
      }
      const events: RecordedEvent[] = [];
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
      return events;
    } catch (error) {
      if (isCommandErrorOfType(error, ErrorType.STREAM_NOT_FOUND)) return [];
      throw translateKurrentError(error, { kind: 'read-stream', streamId });
    }
  }

  /** The server's last revision: one event read backwards from END (not from START, the default). */
  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    try {
      return await lastRevision(this.client, streamId);
    } catch (error) {
      throw translateKurrentError(error, { kind: 'read-stream', streamId });
    }
  }

  /** The last position of `$all`: one event read backwards from END, so a reader of what comes later starts there. */
  async headPosition(): Promise<Position> {
    this.assertOpen();
    try {
      for await (const resolved of this.client.readAll({
        fromPosition: END,
        direction: BACKWARDS,
        maxCount: 1,
        requiresLeader: true,
      })) {
        const position = positionOf(resolved);
        if (position !== undefined) return position;
      }
    } catch (error) {
      throw translateKurrentError(error, { kind: 'read-all' });
    }
    return START;
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
    try {
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
    } catch (error) {
      throw translateKurrentError(error, { kind: 'read-all' });
    }
  }

  subscribe(fromPosition: Position, options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    parsePosition(fromPosition);
    const context = { client: this.client, isClosed: () => this.closed };
    return { [Symbol.asyncIterator]: () => subscribeToAll(context, fromPosition, options) };
  }

  /**
   * The hash chain (U3) of what the stream shows, and whether it shows all: a soft-deleted or
   * truncated stream (`$tb` in its metadata) hides its first events, so its chain is broken at
   * revision 0 even when what remains reads as an empty, valid chain; a tombstoned one is gone.
   */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    this.assertOpen();
    try {
      const { events } = await readWholeStream(this.client, streamId, false);
      const chain = verifyChain(events);
      if (!chain.ok) return chain;
      const { metadata } = await this.client.getStreamMetadata(streamId);
      const truncateBefore = metadata?.truncateBefore;
      if (truncateBefore !== undefined && truncateBefore !== 0 && truncateBefore !== START_REVISION)
        return { ok: false, checked: events.length, firstBrokenRevision: 0 };
      return chain;
    } catch (error) {
      if (isCommandErrorOfType(error, ErrorType.STREAM_DELETED))
        return { ok: false, checked: 0, firstBrokenRevision: 0 };
      throw translateKurrentError(error, { kind: 'read-stream', streamId });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}
