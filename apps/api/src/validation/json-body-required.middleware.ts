/**
 * A command's body is JSON (API.md "Conventions"). A body sent as anything else (curl's -d without
 * a header sends `application/x-www-form-urlencoded`) would reach the validator as "no body" and be
 * answered with every field missing; it is answered with one problem saying to send JSON instead.
 */
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { sendProblem } from '../problem/problem-details.filter.js';
import { ProblemException, problems } from '../problem/problem-details.js';

interface RequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

export const notJsonProblem = (contentType: string | undefined): ProblemException =>
  new ProblemException(
    problems.validation(
      `The body was sent as ${contentType ? `'${contentType}'` : 'no Content-Type'}; send it as JSON with the header Content-Type: application/json.`,
      [{ field: '(body)', message: 'send the body as JSON with Content-Type: application/json' }],
    ),
  );

export function jsonBodyRequired(logger: Logger) {
  return (request: RequestLike, response: ServerResponse, next: () => void): void => {
    const hasBody =
      request.headers['transfer-encoding'] !== undefined ||
      Number(request.headers['content-length'] ?? 0) > 0;
    const type = request.headers['content-type'];
    const contentType = Array.isArray(type) ? type[0] : type;
    if (!hasBody || (contentType !== undefined && JSON_TYPE.test(contentType))) return next();
    sendProblem(notJsonProblem(contentType), request, response, logger);
  };
}
