import {
  ErrorType,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position as KurrentPosition,
} from '@kurrent/kurrentdb-client';
import type { RecordedEvent, SubscribeOptions } from '../event-store.port.js';
import { comparePositions, laterPosition, type Position } from '../position.js';
import type { KurrentClient } from './kurrentdb-client.js';
import { fromKurrentPosition, fromResolvedEvent, toKurrentPosition } from './kurrentdb-envelope.js';
import { NO_ANSWER, isCommandErrorIn, translateKurrentError } from './kurrentdb-errors.js';
import { matchesFilter, serverFilter } from './kurrentdb-filter.js';

/** Failures after which the subscription resumes by itself, from the last event or checkpoint. */
const TRANSIENT: ReadonlySet<ErrorType> = new Set([...NO_ANSWER, ErrorType.NOT_LEADER]);
/** Consecutive transient failures with no event or checkpoint in between before giving up. */
const MAX_RESUMES = 5;
const FIRST_RESUME_DELAY_MS = 100;

export interface SubscriptionContext {
  readonly client: KurrentClient;
  readonly isClosed: () => boolean;
  /** Waits before resuming; a test passes one that does not. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The server's catch-up subscription to `$all` (catch-up, then live), filtered on the server.
 * The filter's checkpoints move the resume position past events it left out, so a subscription
 * to rare events (the alerts) resumes after a dropped connection from where the server had
 * looked, not from its last matching event; transient failures resume, with backoff.
 */
export async function* subscribeToAll(
  context: SubscriptionContext,
  fromPosition: Position,
  options: SubscribeOptions,
): AsyncGenerator<RecordedEvent> {
  const { signal } = options;
  const sleep = context.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  /** Where a resumed subscription starts: the last event taken, or a later checkpoint. */
  let last = fromPosition;
  let failures = 0;
  while (!context.isClosed() && !signal?.aborted) {
    // A checkpoint counts once the events the client had buffered before it are taken, so a
    // resume from it never skips one of them.
    const checkpoints: { position: Position; after: number }[] = [];
    let taken = 0;
    const passCheckpoints = (): void => {
      while (checkpoints.length > 0 && checkpoints[0].after <= taken) {
        last = laterPosition(last, checkpoints.shift()!.position);
        failures = 0;
      }
    };
    const subscription = context.client.subscribeToAll({
      fromPosition: toKurrentPosition(last),
      filter: serverFilter(options.filter, {
        checkpointReached: (buffered: AllStreamSubscription, position: KurrentPosition) => {
          checkpoints.push({
            position: fromKurrentPosition(position),
            after: taken + buffered.readableLength,
          });
        },
      }),
    });
    const stop = (): void => {
      void subscription.unsubscribe().catch(() => undefined);
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        taken++;
        if (context.isClosed() || signal?.aborted) return;
        const position = positionOf(resolved);
        if (position !== undefined && comparePositions(position, last) > 0) {
          last = position;
          failures = 0;
          const event = fromResolvedEvent(resolved);
          if (event && matchesFilter(event, options.filter)) yield event;
        }
        passCheckpoints();
      }
      return;
    } catch (error) {
      if (context.isClosed() || signal?.aborted) return;
      passCheckpoints();
      if (!isCommandErrorIn(error, TRANSIENT) || ++failures > MAX_RESUMES)
        throw translateKurrentError(error, { kind: 'subscribe-all' });
    } finally {
      signal?.removeEventListener('abort', stop);
      await subscription.unsubscribe().catch(() => undefined);
    }
    await sleep(FIRST_RESUME_DELAY_MS * 2 ** (failures - 1));
  }
}

export function positionOf(resolved: AllStreamResolvedEvent): Position | undefined {
  const position = resolved.event?.position ?? resolved.link?.position;
  return position ? fromKurrentPosition(position) : undefined;
}
