import {
  ErrorType,
  convertToCommandError,
  isCommandError,
  type CommandError,
} from '@kurrent/kurrentdb-client';

/**
 * The EventStoreDB failures an operator must act on, as typed errors with messages that say what
 * to do (the client's own say "access denied" and nothing of which permission is missing).
 * Written for the README's "EventStoreDB" section, which documents the ACL a deployment needs.
 */

/** What the adapter was doing, for the messages. */
export type KurrentOperation =
  | { readonly kind: 'append'; readonly streamId: string }
  | { readonly kind: 'read-stream'; readonly streamId: string }
  | { readonly kind: 'read-all' }
  | { readonly kind: 'subscribe-all' };

function describe(operation: KurrentOperation): string {
  switch (operation.kind) {
    case 'append':
      return `append to stream ${operation.streamId}`;
    case 'read-stream':
      return `read stream ${operation.streamId}`;
    case 'read-all':
      return 'read $all';
    case 'subscribe-all':
      return 'subscribe to $all';
  }
}

/** The user of EVENT_STORE_URL lacks a permission: the server's ACL, not a transient failure. */
export class EventStoreAccessDenied extends Error {
  readonly code = 'EVENT_STORE_ACCESS_DENIED' as const;
  constructor(
    readonly operation: KurrentOperation,
    options?: ErrorOptions,
  ) {
    const allStream = operation.kind === 'read-all' || operation.kind === 'subscribe-all';
    super(
      `EventStoreDB refused to ${describe(operation)} for the user of EVENT_STORE_URL (access denied). ` +
        (allStream
          ? 'Reading $all (the projector, the alert stream, minPosition reads) needs that user in $admins, ' +
            'or an ACL granting it $r on $all (metadata of stream $$$all, or the default ACL in $settings).'
          : 'Case and configuration streams need $r and $w for that user, and $mr for verifyStream (the default user-stream ACL grants them; ' +
            'check $settings and the stream metadata).') +
        ' See README, "EventStoreDB".',
      options,
    );
    this.name = 'EventStoreAccessDenied';
  }
}

/** The stream was hard-deleted (tombstoned) behind the store's back (U5): it can never be written again. */
export class EventStoreStreamDeleted extends Error {
  readonly code = 'EVENT_STORE_STREAM_DELETED' as const;
  constructor(
    readonly streamId: string,
    options?: ErrorOptions,
  ) {
    super(
      `stream ${streamId} was hard-deleted (tombstoned) in EventStoreDB: its events are gone and it can never be ` +
        'written again. This store never deletes (U5); someone deleted it with another tool.',
      options,
    );
    this.name = 'EventStoreStreamDeleted';
  }
}

/** The node is not the leader (an election, or a follower reached with `requiresLeader`). */
export class EventStoreNotLeader extends Error {
  readonly code = 'EVENT_STORE_NOT_LEADER' as const;
  constructor(
    readonly operation: KurrentOperation,
    readonly leader: string,
    options?: ErrorOptions,
  ) {
    super(
      `EventStoreDB could not ${describe(operation)}: the node reached is not the leader (the leader is ` +
        `${leader}, after an election or with nodePreference=follower). The client reconnects to it; retry.`,
      options,
    );
    this.name = 'EventStoreNotLeader';
  }
}

/** The failures an operator must act on (the ACL, a stream deleted or truncated by another tool). */
export function needsOperator(error: unknown): boolean {
  return (
    error instanceof EventStoreAccessDenied ||
    error instanceof EventStoreStreamDeleted ||
    error instanceof StreamRevisionsDiverged
  );
}

/** The client's error as a typed error of this adapter, or the client's error itself. */
export function translateKurrentError(error: unknown, operation: KurrentOperation): unknown {
  const command = asCommandError(error);
  if (command === undefined) return error;
  switch (command.type) {
    case ErrorType.ACCESS_DENIED:
      return new EventStoreAccessDenied(operation, { cause: error });
    case ErrorType.STREAM_DELETED:
      return new EventStoreStreamDeleted('streamId' in operation ? operation.streamId : command.streamName, {
        cause: error,
      });
    case ErrorType.NOT_LEADER:
      return new EventStoreNotLeader(operation, `${command.leader.address}:${command.leader.port}`, {
        cause: error,
      });
    default:
      return error;
  }
}

/**
 * The client's typed error. Some paths reject with the raw gRPC error (its capability probe before
 * an append, the unary append's stream errors): the client's own conversion types those too.
 */
export function asCommandError(error: unknown): CommandError | undefined {
  if (!(error instanceof Error)) return undefined;
  const converted = convertToCommandError(error);
  return isCommandError(converted) ? converted : undefined;
}

export function isCommandErrorOfType(error: unknown, type: ErrorType): boolean {
  return asCommandError(error)?.type === type;
}

export function isCommandErrorIn(error: unknown, types: ReadonlySet<ErrorType>): boolean {
  const type = asCommandError(error)?.type;
  return type !== undefined && types.has(type);
}

/**
 * The call ended without the server's answer (the connection failed, was cancelled or ran out of
 * time): what it asked may or may not have been done. An append is then unconfirmed, a subscription resumes.
 */
export const NO_ANSWER: readonly ErrorType[] = [
  ErrorType.UNAVAILABLE,
  ErrorType.CANCELLED,
  ErrorType.DEADLINE_EXCEEDED,
];

/**
 * The server did not confirm an append (timeout, deadline, unavailable) and, re-read for a few
 * seconds, its events are not in the stream. It may still be recorded: repeat the same append (same
 * event ids), which is idempotent and then answers as the first one.
 */
export class AppendOutcomeUnknown extends Error {
  readonly code = 'APPEND_OUTCOME_UNKNOWN' as const;
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
    readonly waitedMs: number,
    options?: ErrorOptions,
  ) {
    super(
      `stream ${streamId}: EventStoreDB did not confirm the append of ${eventIds.join(', ')} and its events were not ` +
        `in the stream after ${waitedMs} ms of re-reading. Repeat the same append (same event ids): it is idempotent.`,
      options,
    );
    this.name = 'AppendOutcomeUnknown';
  }
}

/**
 * The server recorded an append at other revisions than the ones its hash chain was computed for
 * (the append result's `nextExpectedRevision`): the stream was soft-deleted or truncated behind the
 * store's back, and EventStoreDB continues numbering after the deleted events. The events are
 * stored, but their chain cannot verify there (U3, U5); `verifyStream` reports the stream broken.
 */
export class StreamRevisionsDiverged extends Error {
  readonly code = 'EVENT_STORE_REVISIONS_DIVERGED' as const;
  constructor(
    readonly streamId: string,
    readonly chainedLastRevision: number,
    readonly writtenLastRevision: number,
    readonly eventCount: number,
  ) {
    const range = (last: number) => `${last - eventCount + 1}..${last}`;
    super(
      `stream ${streamId}: EventStoreDB recorded this append at revisions ${range(writtenLastRevision)}, not ` +
        `${range(chainedLastRevision)} as its hash chain says. The stream was deleted (soft delete) or truncated with ` +
        'another tool (U5); its chain no longer verifies. An operator must look before it is written again.',
    );
    this.name = 'StreamRevisionsDiverged';
  }
}
