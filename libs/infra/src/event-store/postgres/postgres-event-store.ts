/**
 * The event store on PostgreSQL: a server through a `pg` pool, or embedded PGlite; the same SQL
 * and the same code (`SqlDatabase` hides the driver).
 *
 * Global order, the gap-safety choice. A `bigint` identity is drawn at insert but becomes visible
 * at commit, so a reader polling `position > last` can read 7 before a slower transaction commits
 * 6, and then skip 6 forever. Both cures of DESIGN.md were measured (PostgreSQL 15 on this 2-core
 * machine, fsync ~120 us; single-event appends, each its own transaction, 16 concurrent writers,
 * 4 s runs of the bare statements on a minimal table):
 *
 *   - serialised appends: a transaction-scoped advisory lock taken before the position is drawn
 *     and held through commit (visibility at commit precedes the lock's release), in a plpgsql
 *     function: 3,700-4,000 appends/s, 3,300/s with the NOTIFY in the transaction. Each commit
 *     waits for the previous one's WAL flush while holding the lock: that is the ceiling.
 *   - transaction ids (chosen): each row stores `pg_current_xact_id()`; readers order by
 *     `(tx_id, position)` and read only rows whose transaction is older than every transaction
 *     still running (`tx_id < pg_snapshot_xmin(pg_current_snapshot())`), so nothing they have
 *     passed can still commit: 7,800-8,000 appends/s, since concurrent commits share WAL flushes
 *     (group commit). Emmett's store (the same technique, several round trips per append): 3,800/s.
 *   With the whole envelope and hash chain, bench/event-store/run.ts measured this adapter at
 *   7,088 single-event appends/s against Emmett's 2,967 (x2.39), and 2,849 against 1,677 (x1.70)
 *   while other test suites loaded the machine. The contract suite holds a transaction open to
 *   show that the slower writer's event is neither skipped nor passed.
 *
 * The price of transaction ids: a position is two numbers (`<tx_id>:<position>`, see position.ts),
 * and live readers wait for any transaction still open on the server (in any database: xids are
 * cluster-wide) before they read past it; they never skip or reorder. Appends are one short
 * statement, so the wait is usually a commit; a subscriber told of an event it cannot read yet
 * looks again after 10 ms, backing off to the poll interval. NOTIFY is not sent inside the
 * append's transaction (it takes a cluster-wide lock at commit and would serialise appends
 * again): subscribers in this process are woken directly, other processes by a NOTIFY after
 * commit (at most one per 10 ms, carrying the latest position), and polling is the fallback.
 *
 * Hash chain (U3): computed here, before the insert, chained onto the stream's head, which comes
 * from a cache of heads seen (see stream-head-cache.ts) or one indexed read. The unique
 * (stream_id, revision) is what decides a race; the head only has to be right for the revision
 * the writer expects.
 */
import {
  DEFAULT_HASH_ALGORITHM,
  LEGACY_HASH_ALGORITHM,
  type HashAlgorithm,
} from '../../integrity/hash-algorithm.js';
import { verifyChain, type StreamVerification } from '../../integrity/hash-chain.js';
import type {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import {
  comparePositions,
  formatPosition,
  laterPosition,
  parsePosition,
  type Position,
} from '../position.js';
import { prepareAppend, type PreparedEvent } from '../prepared-event.js';
import { previousAppend } from '../previous-append.js';
import {
  EMPTY_STREAM,
  chainOnto,
  headOf,
  withPositions,
  type StreamHead,
  type UnpositionedEvent,
} from '../recorded-events.js';
import { instantToEpochMs } from '../shanghai-instant.js';
import { StreamHeadCache } from '../stream-head-cache.js';
import { WrongExpectedRevision } from '../wrong-expected-revision.error.js';
import { migrate } from './migrations.js';
import { sqlErrorInfo, type SqlDatabase, type SqlQueryable, type SqlTransaction } from './sql-database.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows.js';
import { SubscriberWakeUps } from './subscriber-wake-ups.js';

export interface PostgresEventStoreOptions {
  /** The store's clock for `recordedAt`; default the system clock. A manual clock can be injected. */
  readonly clock?: () => Date;
  /** How often a live subscriber polls when no wake-up comes; default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** The algorithm appends chain with (U8); default SM3. A chain never switches back to SHA-256. */
  readonly hashAlgorithm?: HashAlgorithm;
}

const NOTIFY_CHANNEL = 'es_events';
/** First delay before reading again when an announced event is still behind the reading horizon. */
const HORIZON_RETRY_MS = 10;
/** At most one NOTIFY per interval from this process (the first of a quiet spell goes at once). */
const NOTIFY_INTERVAL_MS = 10;
const DEFAULT_BATCH_SIZE = 500;
const HEAD_CACHE_SIZE = 10_000;
/** Appends with `any` re-read the head and retry when another writer takes the revision first. */
const ANY_REVISION_ATTEMPTS = 20;

// Arrays travel as text[] and are cast here, so both drivers send them the same way. `onlyIf`
// makes the insert conditional (on a row written beside it, see appendNewStreamBeside).
const insertEvents = (onlyIf = ''): string => `
  INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at,
                         actor, correlation_id, causation_id, data, prev_hash, hash, hash_alg,
                         hash_switched_from)
  SELECT $1, $2::bigint + u.ord - 1, u.event_id::uuid, u.type, u.schema_version, u.occurred_at::timestamptz,
         $3::timestamptz, u.actor::jsonb, u.correlation_id, u.causation_id, u.data::jsonb, u.prev_hash, u.hash,
         $14, CASE WHEN u.ord = 1 THEN $15 END
  FROM unnest($4::text[], $5::text[], $6::int4[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
              $12::text[], $13::text[])
       WITH ORDINALITY AS u(event_id, type, schema_version, occurred_at, actor, correlation_id, causation_id, data,
                            prev_hash, hash, ord)
  ${onlyIf}
  ORDER BY u.ord
  RETURNING revision::text AS revision, tx_id::text AS tx_id, position::text AS position`;
const INSERT_EVENTS = insertEvents();

// The usual append is one event: plain parameters cost less to send and to plan than arrays.
const INSERT_ONE_EVENT = `
  INSERT INTO es_events (stream_id, revision, event_id, type, schema_version, occurred_at, recorded_at,
                         actor, correlation_id, causation_id, data, prev_hash, hash, hash_alg,
                         hash_switched_from)
  VALUES ($1, $2, $3::uuid, $4, $5, $6::timestamptz, $7::timestamptz, $8::jsonb, $9, $10, $11::jsonb, $12, $13,
          $14, $15)
  RETURNING revision::text AS revision, tx_id::text AS tx_id, position::text AS position`;

const HEAD_AT_REVISION = `
  SELECT hash, hash_alg, (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms
  FROM es_events WHERE stream_id = $1 AND revision = $2`;

const LAST_EVENT = `
  SELECT revision::text AS revision, hash, hash_alg, (extract(epoch FROM recorded_at) * 1000)::float8 AS recorded_ms
  FROM es_events ev WHERE ev.stream_id = $1 ORDER BY ev.revision DESC LIMIT 1`;

/**
 * A row written beside a new stream's first events (appendNewStreamBeside): an INSERT … RETURNING
 * that returns a row when it wrote one. `sql` names its values through `param`, which numbers them.
 */
export interface BesideRow {
  /** A name for the prepared statement: the text `sql` builds must never change under it. */
  readonly statementName: string;
  readonly sql: (param: (value: unknown) => string) => string;
}

interface LastEventRow {
  readonly revision: string;
  readonly hash: string;
  readonly hash_alg: string | null;
  readonly recorded_ms: number;
}

/** The head a stream's last event (LAST_EVENT's row) makes; no row, the empty stream. */
const headOfLast = (last: LastEventRow | undefined): StreamHead =>
  last
    ? {
        revision: Number(last.revision),
        hash: last.hash,
        alg: last.hash_alg ?? LEGACY_HASH_ALGORITHM,
        recordedAtMs: last.recorded_ms,
      }
    : EMPTY_STREAM;

export class PostgresEventStore implements EventStore {
  private readonly heads = new StreamHeadCache(HEAD_CACHE_SIZE);
  private readonly wakeUps: SubscriberWakeUps;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly hashAlgorithm: HashAlgorithm;
  private closed = false;
  private notifyWanted = false;
  private notifying: Promise<void> | undefined;

  private constructor(
    private readonly db: SqlDatabase,
    options: PostgresEventStoreOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.hashAlgorithm = options.hashAlgorithm ?? DEFAULT_HASH_ALGORITHM;
    this.wakeUps = new SubscriberWakeUps(db, NOTIFY_CHANNEL);
  }

  /** Migrates the schema, then serves. The store owns `db` and closes it. */
  static async open(db: SqlDatabase, options: PostgresEventStoreOptions = {}): Promise<PostgresEventStore> {
    try {
      await migrate(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    return new PostgresEventStore(db, options);
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
      const head = await this.headForAppend(streamId, expectedRevision);
      if (head === undefined) return this.resolveConflict(streamId, eventIds, expectedRevision);
      const chained = chainOnto(head, streamId, prepared, this.clock().getTime(), this.hashAlgorithm);
      let rows: { revision: string; tx_id: string; position: string }[];
      try {
        rows = await this.insert(
          this.db,
          streamId,
          head.revision + 1,
          chained.recordedAtMs,
          prepared,
          chained.events,
        );
      } catch (error) {
        if (!isConcurrencyConflict(error)) throw error;
        // Someone else wrote first, or these event ids are stored already.
        this.heads.forget(streamId);
        if (expectedRevision === 'any' && attempt < ANY_REVISION_ATTEMPTS) {
          const previous = previousAppend(streamId, eventIds, await this.storedWithIds(streamId, eventIds));
          if (previous) return previous;
          continue;
        }
        return this.resolveConflict(streamId, eventIds, expectedRevision);
      }
      return this.recorded(streamId, chained, rows);
    }
  }

  /** The append's events with the positions the insert returned; the head remembered, subscribers woken. */
  private recorded(
    streamId: string,
    chained: { readonly recordedAtMs: number; readonly events: readonly UnpositionedEvent[] },
    rows: readonly { revision: string; tx_id: string; position: string }[],
  ): AppendResult {
    const positions = new Map(
      rows.map((row) => [Number(row.revision), formatPosition(BigInt(row.tx_id), BigInt(row.position))]),
    );
    const recorded = withPositions(
      chained.events,
      chained.events.map((event) => positions.get(event.revision) ?? missingRow(streamId, event.revision)),
    );
    const last = recorded[recorded.length - 1];
    this.heads.remember(streamId, headOf(last, chained.recordedAtMs));
    this.announceAppend(last.position);
    return { nextRevision: last.revision, position: last.position, events: recorded };
  }

  /**
   * A new stream's first events and a row beside them (a case's data key, I2) in one statement:
   * one round trip and one commit instead of BEGIN, the row, a head read, the events and COMMIT.
   * The events are stored only if the row was written. `undefined`, with nothing stored, when the
   * row exists already or the stream does (or these events' ids are taken): the caller then goes
   * the usual way (`append`), which answers a repeat or a conflict.
   */
  async appendNewStreamBeside(
    streamId: string,
    events: readonly NewEvent[],
    beside: BesideRow,
  ): Promise<AppendResult | undefined> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events, 'no_stream');
    if (this.heads.get(streamId) !== undefined) return undefined;
    const chained = chainOnto(EMPTY_STREAM, streamId, prepared, this.clock().getTime(), this.hashAlgorithm);
    const params = insertParams(streamId, 0, chained.recordedAtMs, prepared, chained.events);
    const besideSql = beside.sql((value) => `$${params.push(value)}`);
    let rows: { revision: string; tx_id: string; position: string }[];
    try {
      rows = await this.db.query(
        `WITH beside AS (${besideSql}) ${insertEvents('WHERE EXISTS (SELECT FROM beside)')}`,
        params,
        beside.statementName,
      );
    } catch (error) {
      if (isConcurrencyConflict(error)) return undefined;
      throw error;
    }
    if (rows.length === 0) return undefined;
    return this.recorded(streamId, chained, rows);
  }

  /** The database, for what keeps tables beside the events (the sealer, U7). Never for writing events. */
  get database(): SqlDatabase {
    return this.db;
  }

  /**
   * One transaction in which `work` may read and write tables beside the events and append to
   * streams (through `append`, at an exact expected revision, no retry): all of it or nothing.
   * The sealer (U7) records its bookkeeping and the seal event this way. `work` must use `tx` only.
   */
  async inTransaction<T>(
    work: (
      tx: SqlTransaction,
      append: (
        streamId: string,
        events: readonly NewEvent[],
        expected: ExpectedRevision,
      ) => Promise<AppendResult>,
    ) => Promise<T>,
  ): Promise<T> {
    this.assertOpen();
    const appended: { streamId: string; head: StreamHead; position: Position }[] = [];
    const result = await this.db.transaction((tx) =>
      work(tx, async (streamId, events, expected) => {
        const prepared = prepareAppend(streamId, events, expected);
        const [last] = await tx.query<LastEventRow>(LAST_EVENT, [streamId]);
        const head = headOfLast(last);
        const expectedRevision = expected === 'no_stream' ? -1 : expected;
        if (expectedRevision !== 'any' && expectedRevision !== head.revision) {
          throw new WrongExpectedRevision(streamId, expected, head.revision);
        }
        const chained = chainOnto(head, streamId, prepared, this.clock().getTime(), this.hashAlgorithm);
        const rows = await this.insert(
          tx,
          streamId,
          head.revision + 1,
          chained.recordedAtMs,
          prepared,
          chained.events,
        );
        const positions = new Map(
          rows.map((row) => [Number(row.revision), formatPosition(BigInt(row.tx_id), BigInt(row.position))]),
        );
        const recorded = withPositions(
          chained.events,
          chained.events.map(
            (event) => positions.get(event.revision) ?? missingRow(streamId, event.revision),
          ),
        );
        const lastRecorded = recorded[recorded.length - 1];
        appended.push({
          streamId,
          head: headOf(lastRecorded, chained.recordedAtMs),
          position: lastRecorded.position,
        });
        return { nextRevision: lastRecorded.revision, position: lastRecorded.position, events: recorded };
      }),
    );
    for (const { streamId, head, position } of appended) {
      this.heads.remember(streamId, head);
      this.announceAppend(position);
    }
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<readonly RecordedEvent[]> {
    this.assertOpen();
    const fromRevision = options.fromRevision ?? 0;
    if (!Number.isSafeInteger(fromRevision) || fromRevision < 0) {
      throw new RangeError(`fromRevision must be a revision >= 0, not ${fromRevision}`);
    }
    const params: unknown[] = [streamId, fromRevision];
    let untilClause = '';
    if (options.untilTime !== undefined) {
      params.push(new Date(instantToEpochMs(options.untilTime)).toISOString());
      untilClause = 'AND ev.recorded_at <= $3::timestamptz';
    }
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events ev
       WHERE ev.stream_id = $1 AND ev.revision >= $2 ${untilClause} ORDER BY ev.revision`,
      params,
    );
    const events = rows.map(toRecordedEvent);
    if (options.untilTime === undefined && rows.length > 0) {
      const last = rows[rows.length - 1];
      this.heads.remember(streamId, headOf(events[events.length - 1], last.recorded_ms));
    }
    return events;
  }

  async streamRevision(streamId: string): Promise<number> {
    this.assertOpen();
    const [last] = await this.db.query<{ revision: string }>(LAST_EVENT, [streamId], 'es_last_event');
    return last ? Number(last.revision) : -1;
  }

  async readAll(fromPosition: Position, options: ReadAllOptions = {}): Promise<ReadAllPage> {
    this.assertOpen();
    const [fromTx, fromSeq] = parsePosition(fromPosition);
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1)
      throw new RangeError(`batchSize must be >= 1, not ${batchSize}`);
    const params: unknown[] = [fromTx.toString(), fromSeq.toString(), batchSize];
    const filterClause = filterSql(options.filter, params);
    // One statement, one snapshot: the horizon and the rows below it are seen together.
    const rows = await this.db.query<{ horizon: string } & Partial<EventRow>>(
      `WITH horizon AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
       SELECT horizon.xmin::text AS horizon, e.*
       FROM horizon LEFT JOIN LATERAL (
         SELECT ${EVENT_COLUMNS}, ev.tx_id AS order_tx, ev.position AS order_position FROM es_events ev
         WHERE (ev.tx_id, ev.position) > ($1::text::xid8, $2::bigint) AND ev.tx_id < horizon.xmin ${filterClause}
         ORDER BY ev.tx_id, ev.position
         LIMIT $3
       ) e ON true
       ORDER BY e.order_tx, e.order_position`,
      params,
    );
    const horizon = BigInt(rows[0].horizon);
    const events = rows
      .filter((row): row is { horizon: string } & EventRow => row.position != null)
      .map(toRecordedEvent);
    const caughtUp = events.length < batchSize;
    let nextPosition = events.length > 0 ? events[events.length - 1].position : fromPosition;
    // Every transaction below the horizon has ended and all its matching rows were read.
    if (caughtUp) nextPosition = laterPosition(nextPosition, formatPosition(horizon, 0n));
    return { events, nextPosition, caughtUp };
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
    await this.wakeUps.stop();
    await this.notifying;
    await this.db.close();
  }

  /**
   * Catch-up and live are one loop over `readAll`, so the switch between them cannot open a gap:
   * a page that is not full means "caught up", and the next page starts where it ended.
   */
  private async *subscription(
    fromPosition: Position,
    options: SubscribeOptions,
  ): AsyncGenerator<RecordedEvent> {
    const { signal, filter } = options;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const waiter = await this.wakeUps.register();
    let horizonRetryMs = HORIZON_RETRY_MS;
    try {
      let position = fromPosition;
      while (!this.closed && !signal?.aborted) {
        waiter.clear();
        let page: ReadAllPage;
        try {
          page = await this.readAll(position, { filter, batchSize });
        } catch (error) {
          if (this.closed) return;
          throw error;
        }
        for (const event of page.events) {
          if (this.closed || signal?.aborted) return;
          yield event;
        }
        position = page.nextPosition;
        if (!page.caughtUp) continue;
        const announced = this.wakeUps.latestAnnounced;
        if (announced !== undefined && comparePositions(announced, position) > 0) {
          // An announced event is not readable yet: look again soon, backing off while it lasts.
          await waiter.wait(horizonRetryMs, signal);
          horizonRetryMs = Math.min(horizonRetryMs * 2, this.pollIntervalMs);
        } else {
          horizonRetryMs = HORIZON_RETRY_MS;
          await waiter.wait(this.pollIntervalMs, signal);
        }
      }
    } finally {
      await waiter.release();
    }
  }

  private insert(
    db: SqlQueryable,
    streamId: string,
    firstRevision: number,
    recordedAtMs: number,
    prepared: readonly PreparedEvent[],
    chained: readonly UnpositionedEvent[],
  ): Promise<{ revision: string; tx_id: string; position: string }[]> {
    const recordedAt = new Date(recordedAtMs).toISOString();
    if (prepared.length === 1) {
      const [event] = prepared;
      const { integrity } = chained[0];
      return db.query(
        INSERT_ONE_EVENT,
        [
          streamId,
          firstRevision,
          event.eventId,
          event.type,
          event.schemaVersion,
          new Date(event.occurredAtMs).toISOString(),
          recordedAt,
          event.actorJson,
          event.correlationId,
          event.causationId,
          event.dataJson,
          integrity.prevHash,
          integrity.hash,
          integrity.alg,
          integrity.switchedFrom ?? null,
        ],
        'es_append_one',
      );
    }
    return db.query(
      INSERT_EVENTS,
      insertParams(streamId, firstRevision, recordedAtMs, prepared, chained),
      'es_append',
    );
  }

  /** The head to chain onto, or `undefined` when the stream is known not to be where expected. */
  private async headForAppend(streamId: string, expected: ExpectedRevision): Promise<StreamHead | undefined> {
    const known = this.heads.get(streamId);
    if (expected === 'no_stream') return known ? undefined : EMPTY_STREAM;
    if (expected === 'any') {
      const [last] = await this.db.query<LastEventRow>(LAST_EVENT, [streamId], 'es_last_event');
      return headOfLast(last);
    }
    if (known && known.revision === expected) return known;
    if (known && known.revision > expected) return undefined;
    const [row] = await this.db.query<{ hash: string; hash_alg: string | null; recorded_ms: number }>(
      HEAD_AT_REVISION,
      [streamId, expected],
      'es_head_at_revision',
    );
    return row
      ? {
          revision: expected,
          hash: row.hash,
          alg: row.hash_alg ?? LEGACY_HASH_ALGORITHM,
          recordedAtMs: row.recorded_ms,
        }
      : undefined;
  }

  /** An append that cannot go where expected: a repeat of an earlier append, or a real conflict. */
  private async resolveConflict(
    streamId: string,
    eventIds: readonly string[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const previous = previousAppend(streamId, eventIds, await this.storedWithIds(streamId, eventIds));
    if (previous) return previous;
    throw new WrongExpectedRevision(streamId, expected, await this.streamRevision(streamId));
  }

  private async storedWithIds(streamId: string, eventIds: readonly string[]): Promise<RecordedEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events ev
       WHERE ev.stream_id = $1 AND ev.event_id = ANY($2::text[]::uuid[]) ORDER BY ev.revision`,
      [streamId, eventIds],
    );
    return rows.map(toRecordedEvent);
  }

  /**
   * Wakes this process's subscribers now, and other processes' with a NOTIFY: one at a time and at
   * most one per NOTIFY_INTERVAL_MS, so appends that commit meanwhile share the next one.
   */
  private announceAppend(position: Position): void {
    this.wakeUps.wakeAll(position);
    const notify = this.db.notify;
    if (!notify) return;
    this.notifyWanted = true;
    this.notifying ??= this.sendNotifications(notify).finally(() => {
      this.notifying = undefined;
    });
  }

  private async sendNotifications(
    notify: (channel: string, payload: string) => Promise<void>,
  ): Promise<void> {
    while (this.notifyWanted && !this.closed) {
      this.notifyWanted = false;
      const sent = Date.now();
      // A lost NOTIFY only delays other processes until their next poll.
      await notify(NOTIFY_CHANNEL, this.wakeUps.latestAnnounced ?? '').catch(() => undefined);
      // Each NOTIFY is a transaction of its own with a commit to flush: under a stream of appends,
      // one per interval wakes other processes just as well.
      const wait = sent + NOTIFY_INTERVAL_MS - Date.now();
      if (wait > 0 && this.notifyWanted) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the event store is closed');
  }
}

function isConcurrencyConflict(error: unknown): boolean {
  const { code, constraint } = sqlErrorInfo(error);
  return (
    code === '23505' &&
    (constraint === 'es_events_stream_revision' || constraint === 'es_events_stream_event_id')
  );
}

function filterSql(filter: EventFilter | undefined, params: unknown[]): string {
  if (filter === undefined) return '';
  if ('streamPrefix' in filter) {
    params.push(filter.streamPrefix);
    return `AND starts_with(ev.stream_id, $${params.length})`;
  }
  params.push([...filter.eventTypes]);
  return `AND ev.type = ANY($${params.length}::text[])`;
}

/** The parameters of INSERT_EVENTS ($1 to $15). */
function insertParams(
  streamId: string,
  firstRevision: number,
  recordedAtMs: number,
  prepared: readonly PreparedEvent[],
  chained: readonly UnpositionedEvent[],
): unknown[] {
  return [
    streamId,
    firstRevision,
    new Date(recordedAtMs).toISOString(),
    prepared.map((e) => e.eventId),
    prepared.map((e) => e.type),
    prepared.map((e) => e.schemaVersion),
    prepared.map((e) => new Date(e.occurredAtMs).toISOString()),
    prepared.map((e) => e.actorJson),
    prepared.map((e) => e.correlationId),
    prepared.map((e) => e.causationId),
    prepared.map((e) => e.dataJson),
    chained.map((e) => e.integrity.prevHash),
    chained.map((e) => e.integrity.hash),
    chained[0].integrity.alg,
    chained[0].integrity.switchedFrom ?? null,
  ];
}

function missingRow(streamId: string, revision: number): never {
  throw new Error(`stream ${streamId}: the insert returned no row for revision ${revision}`);
}
