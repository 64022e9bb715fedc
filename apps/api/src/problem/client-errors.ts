/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a request line or headers over
 * 16 KiB, a control character in a header value, an unknown method): Node would answer a bare 400
 * or 431 without a body. They are answered as problem+json like every other refusal, and the
 * connection is closed, since the parser cannot read on from there.
 */
import type { Duplex } from 'node:stream';
import { problems, type ProblemDetails, PROBLEM_CONTENT_TYPE } from './problem-details.js';

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  431: 'Request Header Fields Too Large',
};

function problemOfParserError(code: string | undefined): ProblemDetails {
  if (code === 'HPE_HEADER_OVERFLOW')
    return problems.headersTooLarge('The request line and headers are over 16 KiB; shorten them.');
  return problems.validation(
    'The request could not be read as HTTP (a control character in a header, or an unknown method).',
    [{ field: '(request)', message: 'must be well-formed HTTP/1.1' }],
  );
}

/** Fastify's `clientErrorHandler`: answers what Node's HTTP parser refused. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A reset or half-closed socket has no one left to answer.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = problemOfParserError(error.code);
  const body = JSON.stringify(problem);
  socket.end(
    `HTTP/1.1 ${problem.status} ${REASONS[problem.status]}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
