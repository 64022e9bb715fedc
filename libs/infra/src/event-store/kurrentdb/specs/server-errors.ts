import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { convertToCommandError, type CommandError } from '@kurrent/kurrentdb-client';

/**
 * Errors as the client makes them from what the server sends: a gRPC status with the server's
 * metadata (KurrentDB RpcExceptions.cs), run through the client's own `convertToCommandError`.
 */
export function fromServer(
  code: status,
  details: string,
  metadata: Record<string, string> = {},
): CommandError | Error {
  const grpcMetadata = new Metadata();
  for (const [key, value] of Object.entries(metadata)) grpcMetadata.set(key, value);
  const serviceError: ServiceError = Object.assign(new Error(`${code} ${status[code]}: ${details}`), {
    code,
    details,
    metadata: grpcMetadata,
  });
  return convertToCommandError(serviceError);
}

/** RpcExceptions.LeaderInfo: a follower reached with requires-leader. */
export const notLeader = (): CommandError | Error =>
  fromServer(status.NOT_FOUND, 'Leader info available', {
    exception: 'not-leader',
    'leader-endpoint-host': 'n2',
    'leader-endpoint-port': '2113',
  });

/** RpcExceptions.AccessDenied. */
export const accessDenied = (): CommandError | Error =>
  fromServer(status.PERMISSION_DENIED, 'Access Denied', { exception: 'access-denied' });

/** The transport lost (grpc-js UNAVAILABLE). */
export const unavailable = (): CommandError | Error => fromServer(status.UNAVAILABLE, 'Connection dropped');

/** The deadline passed with no answer (a repeat the server holds back as "idempotent, not ready"). */
export const deadlineExceeded = (): CommandError | Error =>
  fromServer(status.DEADLINE_EXCEEDED, 'Deadline exceeded');
