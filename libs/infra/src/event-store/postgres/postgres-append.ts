import type { HashAlgorithm } from '../../integrity/hash-algorithm.js';
import { LEGACY_HASH_ALGORITHM } from '../../integrity/hash-algorithm.js';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port.js';
import { formatPosition, type Position } from '../position.js';
import { prepareAppend } from '../prepared-event.js';
import { previousAppend } from '../previous-append.js';
import {
  EMPTY_STREAM,
  chainOnto,
  headOf,
  withPositions,
  type StreamHead,
  type UnpositionedEvent,
} from '../recorded-events.js';
import type { StreamHeadCache } from '../stream-head-cache.js';
import { WrongExpectedRevision } from '../wrong-expected-revision.error.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './event-rows.js';
import {
  HEAD_AT_REVISION,
  LAST_EVENT,
  headOfLast,
  insertEvents,
  insertParams,
  insertRows,
  type InsertedRow,
  type LastEventRow,
} from './event-sql.js';
import { sqlErrorInfo, type SqlDatabase, type SqlTransaction } from './sql-database.js';

/** Appends with `any` re-read the head and retry when another writer takes the revision first. */
const ANY_REVISION_ATTEMPTS = 20;

/**
 * A row written beside a new stream's first events (appendNewStreamBeside): an INSERT … RETURNING
 * that returns a row when it wrote one. `sql` names its values through `param`, which numbers them.
 */
export interface BesideRow {
  /** A name for the prepared statement: the text `sql` builds must never change under it. */
  readonly statementName: string;
  readonly sql: (param: (value: unknown) => string) => string;
}

/** An append inside `inTransaction`: at an exact expected revision, no retry. */
export type TransactionAppend = (
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
) => Promise<AppendResult>;

export interface AppenderOptions {
  readonly clock: () => Date;
  readonly hashAlgorithm: HashAlgorithm;
  /** The stream's revision as the store answers it (a closed store refuses). */
  readonly streamRevision: (streamId: string) => Promise<number>;
  /** Wakes subscribers after an append has committed. */
  readonly announceAppend: (position: Position) => void;
}

/**
 * The store's appends (see postgres-event-store.ts). Hash chain (U3): computed here, before the
 * insert, chained onto the stream's head, which comes from a cache of heads seen (see
 * stream-head-cache.ts) or one indexed read. The unique (stream_id, revision) is what decides a
 * race; the head only has to be right for the revision the writer expects.
 */
export class PostgresAppender {
  constructor(
    private readonly db: SqlDatabase,
    private readonly heads: StreamHeadCache,
    private readonly options: AppenderOptions,
  ) {}

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, expectedRevision);
    const eventIds = prepared.map((event) => event.eventId);
    for (let attempt = 1; ; attempt++) {
      const head = await this.headForAppend(streamId, expectedRevision);
      if (head === undefined) return this.resolveConflict(streamId, eventIds, expectedRevision);
      const chained = chainOnto(head, streamId, prepared, this.now(), this.options.hashAlgorithm);
      let rows: InsertedRow[];
      try {
        rows = await insertRows(
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

  /** See PostgresEventStore.appendNewStreamBeside. */
  async appendNewStreamBeside(
    streamId: string,
    events: readonly NewEvent[],
    beside: BesideRow,
  ): Promise<AppendResult | undefined> {
    const prepared = prepareAppend(streamId, events, 'no_stream');
    if (this.heads.get(streamId) !== undefined) return undefined;
    const chained = chainOnto(EMPTY_STREAM, streamId, prepared, this.now(), this.options.hashAlgorithm);
    const params = insertParams(streamId, 0, chained.recordedAtMs, prepared, chained.events);
    const besideSql = beside.sql((value) => `$${params.push(value)}`);
    let rows: InsertedRow[];
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

  /** See PostgresEventStore.inTransaction. */
  async inTransaction<T>(work: (tx: SqlTransaction, append: TransactionAppend) => Promise<T>): Promise<T> {
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
        const chained = chainOnto(head, streamId, prepared, this.now(), this.options.hashAlgorithm);
        const rows = await insertRows(
          tx,
          streamId,
          head.revision + 1,
          chained.recordedAtMs,
          prepared,
          chained.events,
        );
        const recorded = positioned(streamId, chained.events, rows);
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
      this.options.announceAppend(position);
    }
    return result;
  }

  private now(): number {
    return this.options.clock().getTime();
  }

  /** The append's events with the positions the insert returned; the head remembered, subscribers woken. */
  private recorded(
    streamId: string,
    chained: { readonly recordedAtMs: number; readonly events: readonly UnpositionedEvent[] },
    rows: readonly InsertedRow[],
  ): AppendResult {
    const recorded = positioned(streamId, chained.events, rows);
    const last = recorded[recorded.length - 1];
    this.heads.remember(streamId, headOf(last, chained.recordedAtMs));
    this.options.announceAppend(last.position);
    return { nextRevision: last.revision, position: last.position, events: recorded };
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
    throw new WrongExpectedRevision(streamId, expected, await this.options.streamRevision(streamId));
  }

  private async storedWithIds(streamId: string, eventIds: readonly string[]): Promise<RecordedEvent[]> {
    const rows = await this.db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events ev
       WHERE ev.stream_id = $1 AND ev.event_id = ANY($2::text[]::uuid[]) ORDER BY ev.revision`,
      [streamId, eventIds],
    );
    return rows.map(toRecordedEvent);
  }
}

function isConcurrencyConflict(error: unknown): boolean {
  const { code, constraint } = sqlErrorInfo(error);
  return (
    code === '23505' &&
    (constraint === 'es_events_stream_revision' || constraint === 'es_events_stream_event_id')
  );
}

/** The chained events with the positions their insert returned, matched by revision. */
function positioned(
  streamId: string,
  events: readonly UnpositionedEvent[],
  rows: readonly InsertedRow[],
): RecordedEvent[] {
  const positions = new Map(
    rows.map((row) => [Number(row.revision), formatPosition(BigInt(row.tx_id), BigInt(row.position))]),
  );
  return withPositions(
    events,
    events.map((event) => positions.get(event.revision) ?? missingRow(streamId, event.revision)),
  );
}

function missingRow(streamId: string, revision: number): never {
  throw new Error(`stream ${streamId}: the insert returned no row for revision ${revision}`);
}
