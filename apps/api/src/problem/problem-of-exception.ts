/**
 * Any exception → the problem to answer. Never a 500 for what a client sent: body-parser's errors
 * (malformed JSON, oversized or unsupported bodies) and Nest's own HTTP exceptions (unknown routes)
 * map to 4xx; only what is left is an internal error, whose details stay in the log.
 */
import { HttpException } from '@nestjs/common';
import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { isDomainError } from '#domain/errors/domain-error.js';
import { EventTooLarge } from '#infra/event-store/event-too-large.error.js';
import {
  AppendOutcomeUnknown,
  EventStoreNotLeader,
  needsOperator,
} from '#infra/event-store/kurrentdb/kurrentdb-errors.js';
import { problemOfDomainError } from './domain-error.problem.js';
import { ProblemException, problems, type ProblemDetails, titledProblem } from './problem-details.js';

/** The `type` body-parser (and raw-body) give their errors. */
interface BodyParserError {
  readonly type?: string;
  readonly status?: number;
  readonly limit?: number;
}

export function problemOfException(exception: unknown): { problem: ProblemDetails; internal: boolean } {
  if (exception instanceof ProblemException) return { problem: exception.problem, internal: false };
  if (isDomainError(exception)) return { problem: problemOfDomainError(exception), internal: false };
  if (exception instanceof EventTooLarge)
    return {
      problem: problems.payloadTooLarge(`An event would be ${exception.sizeBytes} bytes.`),
      internal: false,
    };
  // Issue 17: EventStoreDB's typed failures are the server's state or deployment, never the client's
  // input; 503 with a code, and logged in full (internal) where an operator must act.
  if (exception instanceof AppendOutcomeUnknown)
    return { problem: problems.appendOutcomeUnknown(exception.message), internal: false };
  if (exception instanceof EventStoreNotLeader)
    return {
      problem: problems.unavailable('The event store is electing a leader; retry shortly.'),
      internal: false,
    };
  if (needsOperator(exception))
    return {
      problem: problems.unavailable('The event store refused this operation; an operator must look.'),
      internal: true,
    };
  if (readStoreDown(exception))
    return {
      problem: titledProblem(503, 'READ_STORE_UNAVAILABLE', 'The read store does not answer; retry later.'),
      internal: false,
    };
  // The router's decoding of a path parameter (`/cases/%E0%A4%A`): the client's path, not ours.
  if (isPathDecodingFailure(exception))
    return {
      problem: problems.validation('The path holds malformed percent-encoding.', [
        { field: '(path)', message: 'must be valid percent-encoded UTF-8' },
      ]),
      internal: false,
    };
  // On Fastify, Nest wraps body-parser's errors in an HttpException whose cause is the error.
  const bodyError =
    bodyParserProblem(exception as BodyParserError) ??
    (exception instanceof HttpException ? bodyParserProblem(exception.cause as BodyParserError) : undefined);
  if (bodyError) return { problem: bodyError, internal: false };
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return { problem: problems.notFound('No such route.'), internal: false };
    if (status === 405) return { problem: problems.methodNotAllowed('Method not allowed.'), internal: false };
    if (status === 401)
      return { problem: problems.unauthenticated('Authentication required.'), internal: false };
    if (status === 403) return { problem: problems.forbidden('Not allowed.'), internal: false };
    if (status === 413)
      return { problem: problems.payloadTooLarge('The request body is too large.'), internal: false };
    if (status >= 400 && status < 500)
      return { problem: titledProblem(status, 'BAD_REQUEST', exception.message), internal: false };
  }
  return { problem: problems.internal(), internal: true };
}

export const MAX_BODY_BYTES = 64 * 1024;

/** The router's URIError, or Nest's 400 around it (it keeps the router's message, not the error). */
function isPathDecodingFailure(error: unknown): boolean {
  if (error instanceof URIError) return true;
  return (
    error instanceof HttpException &&
    error.getStatus() === 400 &&
    (error.cause instanceof URIError || /^Failed to decode param '/.test(error.message))
  );
}

/** Finding 10: the read store cannot be reached (down, restarting, closed): 503, not 500. */
function readStoreDown(error: unknown): boolean {
  return (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError
  );
}

function bodyParserProblem(error: BodyParserError | null | undefined): ProblemDetails | undefined {
  if (!error || typeof error !== 'object') return undefined;
  if (typeof error.type !== 'string') {
    // Errors of http-errors without a type (a body that does not inflate: Content-Encoding gzip or
    // br with other bytes) still say they are the client's: a 4xx status, exposed.
    const exposed = (error as { expose?: unknown }).expose === true;
    const status = typeof error.status === 'number' ? error.status : undefined;
    if (!exposed || status === undefined || status < 400 || status >= 500) return undefined;
    if (status === 413)
      return problems.payloadTooLarge(`Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    if (status === 415) return problems.unsupportedMediaType('Send JSON encoded as UTF-8.');
    return problems.validation(
      'The request body could not be read (its Content-Encoding does not match it).',
    );
  }
  switch (error.type) {
    case 'entity.too.large':
      return problems.payloadTooLarge(`Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    case 'entity.parse.failed':
      return problems.malformedJson('The request body is not valid JSON (or not a JSON object or array).');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return problems.unsupportedMediaType('Send JSON encoded as UTF-8.');
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
    case 'stream.not.readable':
      return problems.validation('The request body could not be read.');
    default:
      return typeof error.status === 'number' && error.status >= 400 && error.status < 500
        ? problems.validation('The request body could not be read.')
        : undefined;
  }
}
