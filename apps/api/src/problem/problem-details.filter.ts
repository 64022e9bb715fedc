import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { LOGGER } from '../runtime/runtime-tokens.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { problemOfException } from './problem-of-exception.js';

interface RequestLike {
  method?: string;
  url?: string;
}

/** Where a problem is answered: Fastify's reply, or Node's response (middleware before routing). */
export type ProblemResponse = Pick<FastifyReply, 'sent' | 'code' | 'header' | 'send'> | ServerResponse;

/** Every error leaves the API as `application/problem+json` (API.md "Conventions"). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<RequestLike>(), http.getResponse<FastifyReply>(), this.logger);
  }
}

/** Shared by the filter, Fastify's error handler and the middleware that refuse before routing. */
export function sendProblem(
  exception: unknown,
  request: RequestLike,
  response: ProblemResponse,
  logger: Logger,
): void {
  const { problem, internal } = problemOfException(exception);
  if (internal)
    // I1: only method and path are logged with the error, never the body that may hold identifiers.
    logger.error(
      { err: exception, method: request.method, path: request.url?.split('?')[0] },
      'unexpected error',
    );
  const body = JSON.stringify(problem);
  const contentType = `${PROBLEM_CONTENT_TYPE}; charset=utf-8`;
  if ('sent' in response) {
    if (response.sent) return;
    response.code(problem.status).header('Content-Type', contentType).send(body);
    return;
  }
  if (response.headersSent) return;
  response.statusCode = problem.status;
  response.setHeader('Content-Type', contentType);
  response.end(body);
}
