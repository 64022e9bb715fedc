/**
 * Headers a request may carry once (API.md "Conventions"): Node joins repeated field lines into one
 * value ("k1, k2"), so two Idempotency-Key lines (a client or proxy bug) read as one key no attempt
 * ever sent, and the retry it should have been would record twice. Such a request is a 400 naming
 * the header, before anything is read or recorded.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendProblem } from '../problem/problem-details.filter.js';
import { ProblemException, problems } from '../problem/problem-details.js';

/** Each such header, lower case (as it is matched) to its spelling in API.md. */
const ONCE = new Map([
  ['idempotency-key', 'Idempotency-Key'],
  ['if-match', 'If-Match'],
  ['x-correlation-id', 'X-Correlation-Id'],
]);

/** The first of these headers sent more than once, from the raw field lines (name, value, name …). */
export function repeatedHeader(rawHeaders: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const header = ONCE.get(rawHeaders[i]!.toLowerCase());
    if (header === undefined) continue;
    if (seen.has(header)) return header;
    seen.add(header);
  }
  return undefined;
}

/** Middleware before routing: refuses a request repeating one of these headers. */
export function singleHeaders(
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return (req, res, next) => {
    const header = repeatedHeader(req.rawHeaders);
    if (header === undefined) return next();
    const refusal = new ProblemException(
      problems.validation(`${header} was sent more than once; send it once.`, [
        { field: header, message: 'must be sent once' },
      ]),
    );
    sendProblem(refusal, req, res, logger);
  };
}
