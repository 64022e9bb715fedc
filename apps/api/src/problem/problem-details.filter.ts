import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../runtime/runtime-tokens.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { problemOfException } from './problem-of-exception.js';

interface ResponseLike {
  headersSent?: boolean;
  status(code: number): ResponseLike;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}
interface RequestLike {
  method?: string;
  url?: string;
}

/** Every error leaves the API as `application/problem+json` (API.md "Conventions"). */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(exception, http.getRequest<RequestLike>(), http.getResponse<ResponseLike>(), this.logger);
  }
}

/** Shared by the filter and the Express error middleware (errors raised before Nest's router). */
export function sendProblem(
  exception: unknown,
  request: RequestLike,
  response: ResponseLike,
  logger: Logger,
): void {
  const { problem, internal } = problemOfException(exception);
  if (internal)
    // I1: only method and path are logged with the error, never the body that may hold identifiers.
    logger.error(
      { err: exception, method: request.method, path: request.url?.split('?')[0] },
      'unexpected error',
    );
  if (response.headersSent) return;
  response.status(problem.status);
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.end(JSON.stringify(problem));
}
