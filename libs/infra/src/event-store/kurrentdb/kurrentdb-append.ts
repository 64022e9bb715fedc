import { ErrorType, NO_STREAM } from '@kurrent/kurrentdb-client';
import type { AppendResult, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port.js';
import { EventTooLarge } from '../event-too-large.error.js';
import { IdempotencyConflict } from '../idempotency-conflict.error.js';
import { prepareAppend, type PreparedEvent } from '../prepared-event.js';
import { previousAppend } from '../previous-append.js';
import { chainOnto } from '../recorded-events.js';
import { instantToEpochMs } from '../shanghai-instant.js';
import type { StreamHeadCache } from '../stream-head-cache.js';
import { WrongExpectedRevision } from '../wrong-expected-revision.error.js';
import { assertAppendSize } from './kurrentdb-append-size.js';
import type { KurrentClient } from './kurrentdb-client.js';
import { toEventData } from './kurrentdb-envelope.js';
import {
  AppendOutcomeUnknown,
  NO_ANSWER,
  StreamRevisionsDiverged,
  asCommandError,
  isCommandErrorIn,
  translateKurrentError,
} from './kurrentdb-errors.js';
import {
  EMPTY_KURRENT_STREAM,
  lastRevision,
  readWholeStream,
  readWritten,
  type KurrentStreamHead,
} from './kurrentdb-stream-read.js';

/** Appends with `any` re-read the head and retry when another writer takes the revision first. */
const ANY_REVISION_ATTEMPTS = 20;
/** No answer, or not a sure one: the append may or may not be recorded. */
const UNCONFIRMED: ReadonlySet<ErrorType> = new Set([...NO_ANSWER, ErrorType.TIMEOUT]);
const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;

export interface AppenderOptions {
  readonly clock: () => Date;
  /** How long an unconfirmed append is re-read (and a NotLeader one retried) before failing. */
  readonly budgetMs: number;
}

/**
 * One append on EventStoreDB, answered truthfully:
 *  - the head comes from the cache (filled by reads and appends) or one read from the leader; the
 *    server refuses a stale one (the exact revision chained onto is the expected revision sent);
 *  - reads inside an append require the leader: a follower's lag would make false conflicts or an
 *    "acknowledged but not in the stream";
 *  - the total size is checked as the server counts it before anything is sent;
 *  - the server's `nextExpectedRevision` must be the revision the chain was computed for;
 *  - an unconfirmed append (timeout, deadline, unavailable: also a repeat the server holds back as
 *    "idempotent, not ready") is re-read with backoff and answered as the append it turned out to be.
 */
export class KurrentAppender {
  constructor(
    private readonly client: KurrentClient,
    private readonly heads: StreamHeadCache<KurrentStreamHead>,
    private readonly options: AppenderOptions,
  ) {}

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const prepared = prepareAppend(streamId, events, expected);
    try {
      return await this.appendPrepared(streamId, prepared, expected);
    } catch (error) {
      throw translateKurrentError(error, { kind: 'append', streamId });
    }
  }

  private async appendPrepared(
    streamId: string,
    prepared: readonly PreparedEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const eventIds = prepared.map((event) => event.eventId);
    const started = Date.now();
    let delay = FIRST_DELAY_MS;
    let head = await this.headForAppend(streamId, expected);
    for (let attempt = 1; ; attempt++) {
      if (head === undefined || eventIds.some((id) => head?.eventIds.has(id))) {
        const resolved = await this.resolveConflict(streamId, eventIds, expected);
        if (resolved.kind === 'previous') return resolved.result;
        head = resolved.head;
      }
      const chained = chainOnto(head, streamId, prepared, this.options.clock().getTime());
      const data = chained.events.map(toEventData);
      const size = assertAppendSize(streamId, data);
      let nextExpectedRevision: bigint;
      try {
        ({ nextExpectedRevision } = await this.client.appendToStream(streamId, data, {
          streamState: head.revision < 0 ? NO_STREAM : BigInt(head.revision),
        }));
      } catch (error) {
        this.heads.forget(streamId);
        const command = asCommandError(error);
        switch (command?.type) {
          case ErrorType.WRONG_EXPECTED_VERSION:
            // Another writer first, a stale cached head, or a repeat: the leader's stream decides.
            if (attempt >= ANY_REVISION_ATTEMPTS)
              throw new WrongExpectedRevision(
                streamId,
                expected,
                await lastRevision(this.client, streamId, true),
              );
            head = undefined;
            continue;
          case ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED:
            throw new EventTooLarge(
              streamId,
              eventIds[eventIds.length - 1],
              size,
              command.maxAppendSize,
              'append',
            );
          case ErrorType.NOT_LEADER:
            // Not written; the client reconnects to the leader it names.
            if (Date.now() - started + delay > this.options.budgetMs) throw error;
            await sleep(delay);
            delay = Math.min(delay * 2, MAX_DELAY_MS);
            continue;
          default:
            if (command !== undefined && UNCONFIRMED.has(command.type))
              return this.settleUnconfirmed(streamId, eventIds, started, error);
            throw error;
        }
      }
      const chainedLast = head.revision + prepared.length;
      if (nextExpectedRevision !== BigInt(chainedLast)) {
        this.heads.forget(streamId);
        throw new StreamRevisionsDiverged(
          streamId,
          chainedLast,
          Number(nextExpectedRevision),
          prepared.length,
        );
      }
      let written: RecordedEvent[] = [];
      try {
        written = await readWritten(this.client, streamId, head.revision + 1, prepared.length);
      } catch (error) {
        if (!isCommandErrorIn(error, UNCONFIRMED)) throw error;
      }
      if (sameIds(written, eventIds)) {
        this.rememberAppended(streamId, head, written);
        return answer(written);
      }
      // Acknowledged but not (yet) read back from the leader: look again, as for no answer.
      return this.settleUnconfirmed(streamId, eventIds, started, undefined);
    }
  }

  /** The head to chain onto, or `undefined` when the stream is not known to be where expected. */
  private async headForAppend(
    streamId: string,
    expected: ExpectedRevision,
  ): Promise<KurrentStreamHead | undefined> {
    const known = this.heads.get(streamId);
    if (known) return matches(known, expected) ? known : undefined;
    // A new stream needs no read: the server refuses NO_STREAM on one that exists.
    if (expected === 'no_stream') return EMPTY_KURRENT_STREAM;
    const { head } = await readWholeStream(this.client, streamId, true);
    this.heads.remember(streamId, head);
    return matches(head, expected) ? head : undefined;
  }

  /**
   * The stream as the leader has it, when the append could not go where it was sent: a repeat of an
   * earlier append (answered as it was), a head that still meets the expectation (the cached one
   * was stale), or a real conflict.
   */
  private async resolveConflict(
    streamId: string,
    eventIds: readonly string[],
    expected: ExpectedRevision,
  ): Promise<{ kind: 'previous'; result: AppendResult } | { kind: 'head'; head: KurrentStreamHead }> {
    const whole = await readWholeStream(this.client, streamId, true);
    this.heads.forget(streamId);
    this.heads.remember(streamId, whole.head);
    const previous = previousAppend(streamId, eventIds, withIds(whole.events, eventIds));
    if (previous) return { kind: 'previous', result: previous };
    const foreign = eventIds.filter((id) => whole.head.eventIds.has(id));
    // Ids only a foreign writer's events carry: never this store's earlier append.
    if (foreign.length > 0) throw new IdempotencyConflict(streamId, eventIds, foreign);
    if (matches(whole.head, expected)) return { kind: 'head', head: whole.head };
    throw new WrongExpectedRevision(streamId, expected, whole.head.revision);
  }

  /** Re-reads the stream from the leader with backoff until the append shows, or the budget is spent. */
  private async settleUnconfirmed(
    streamId: string,
    eventIds: readonly string[],
    started: number,
    cause: unknown,
  ): Promise<AppendResult> {
    let delay = FIRST_DELAY_MS;
    let lastError = cause;
    for (;;) {
      try {
        const whole = await readWholeStream(this.client, streamId, true);
        const previous = previousAppend(streamId, eventIds, withIds(whole.events, eventIds));
        if (previous) {
          this.heads.forget(streamId);
          this.heads.remember(streamId, whole.head);
          return previous;
        }
      } catch (error) {
        if (!isCommandErrorIn(error, UNCONFIRMED)) throw error;
        lastError = error;
      }
      const waited = Date.now() - started;
      if (waited + delay > this.options.budgetMs)
        throw new AppendOutcomeUnknown(streamId, eventIds, waited, { cause: lastError });
      await sleep(delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  private rememberAppended(
    streamId: string,
    head: KurrentStreamHead,
    written: readonly RecordedEvent[],
  ): void {
    const last = written[written.length - 1];
    this.heads.remember(streamId, {
      revision: last.revision,
      hash: last.integrity.hash,
      recordedAtMs: instantToEpochMs(last.recordedAt),
      envelopeRevision: last.revision,
      eventIds: new Set([...head.eventIds, ...written.map((event) => event.eventId)]),
    });
  }
}

/**
 * Whether a writer expecting `expected` may append on `head`. A writer that read the stream knows
 * its last event of this store's envelope; foreign events after it do not make it wrong.
 */
function matches(head: KurrentStreamHead, expected: ExpectedRevision): boolean {
  if (expected === 'any') return true;
  const revision = expected === 'no_stream' ? -1 : expected;
  return revision === head.revision || revision === head.envelopeRevision;
}

function withIds(events: readonly RecordedEvent[], eventIds: readonly string[]): RecordedEvent[] {
  const wanted = new Set(eventIds);
  return events.filter((event) => wanted.has(event.eventId));
}

function sameIds(written: readonly RecordedEvent[], eventIds: readonly string[]): boolean {
  return written.length === eventIds.length && written.every((event, i) => event.eventId === eventIds[i]);
}

function answer(events: RecordedEvent[]): AppendResult {
  const last = events[events.length - 1];
  return { nextRevision: last.revision, position: last.position, events };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
