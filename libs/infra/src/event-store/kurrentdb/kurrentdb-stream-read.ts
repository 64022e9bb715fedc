import { BACKWARDS, END, ErrorType, FORWARDS, START } from '@kurrent/kurrentdb-client';
import { GENESIS_HASH } from '../../integrity/hash-chain.js';
import type { RecordedEvent } from '../event-store.port.js';
import type { StreamHead } from '../recorded-events.js';
import { instantToEpochMs } from '../shanghai-instant.js';
import type { KurrentClient } from './kurrentdb-client.js';
import { fromResolvedEvent } from './kurrentdb-envelope.js';
import { isCommandErrorOfType } from './kurrentdb-errors.js';

/**
 * A stream's head as an append needs it on EventStoreDB. `revision` is the server's last revision,
 * foreign events included (events not in this store's envelope, written by another tool): the
 * server numbers the next event after them, so a head that left them out would conflict for ever.
 * `hash`/`recordedAtMs` are those of the last event of this store's envelope (the chain, U3).
 */
export interface KurrentStreamHead extends StreamHead {
  /**
   * The revision of the last event in this store's envelope (the last one `readStream` shows), -1
   * when none: a writer that read the stream expects this one. Foreign events after it are counted
   * in `revision`, so appends go on after them instead of conflicting for ever.
   */
  readonly envelopeRevision: number;
  /**
   * Every event id of the stream up to `revision`. The server only recognises a repeated append
   * where it was first written; an append at the head carrying one of these ids repeats an earlier
   * append and must not be written again (event-store.port.ts, "whatever the expected revision").
   */
  readonly eventIds: ReadonlySet<string>;
}

export const EMPTY_KURRENT_STREAM: KurrentStreamHead = {
  revision: -1,
  hash: GENESIS_HASH,
  recordedAtMs: Number.NEGATIVE_INFINITY,
  envelopeRevision: -1,
  eventIds: new Set(),
};

export interface WholeStream {
  /** The store's events (foreign events left out), in revision order. */
  readonly events: RecordedEvent[];
  readonly head: KurrentStreamHead;
}

/** The whole stream forwards; `requiresLeader` inside an append, where a follower's lag would mislead. */
export async function readWholeStream(
  client: KurrentClient,
  streamId: string,
  requiresLeader: boolean,
): Promise<WholeStream> {
  const events: RecordedEvent[] = [];
  const eventIds = new Set<string>();
  let revision = -1;
  try {
    for await (const resolved of client.readStream(streamId, {
      fromRevision: START,
      direction: FORWARDS,
      requiresLeader,
    })) {
      if (!resolved.event) continue;
      eventIds.add(resolved.event.id);
      revision = Number(resolved.event.revision);
      const event = fromResolvedEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    // Also a soft-deleted stream: the server answers "not found" (see the adapter on revisions).
    if (!isCommandErrorOfType(error, ErrorType.STREAM_NOT_FOUND)) throw error;
  }
  const last = events.at(-1);
  return {
    events,
    head: {
      revision,
      hash: last?.integrity.hash ?? GENESIS_HASH,
      recordedAtMs: last ? instantToEpochMs(last.recordedAt) : Number.NEGATIVE_INFINITY,
      envelopeRevision: last?.revision ?? -1,
      eventIds,
    },
  };
}

/** The server's last revision of a stream (any event), -1 when it has none: one event read from END. */
export async function lastRevision(
  client: KurrentClient,
  streamId: string,
  requiresLeader = false,
): Promise<number> {
  try {
    for await (const resolved of client.readStream(streamId, {
      fromRevision: END,
      direction: BACKWARDS,
      maxCount: 1,
      requiresLeader,
    })) {
      if (resolved.event) return Number(resolved.event.revision);
    }
  } catch (error) {
    if (!isCommandErrorOfType(error, ErrorType.STREAM_NOT_FOUND)) throw error;
  }
  return -1;
}

/** The appended events read back (`maxCount` of them from `fromRevision`), from the leader. */
export async function readWritten(
  client: KurrentClient,
  streamId: string,
  fromRevision: number,
  count: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of client.readStream(streamId, {
      fromRevision: BigInt(fromRevision),
      direction: FORWARDS,
      maxCount: count,
      requiresLeader: true,
    })) {
      const event = fromResolvedEvent(resolved);
      if (event) events.push(event);
    }
  } catch (error) {
    if (!isCommandErrorOfType(error, ErrorType.STREAM_NOT_FOUND)) throw error;
  }
  return events;
}
