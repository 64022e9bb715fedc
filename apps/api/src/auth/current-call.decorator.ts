/**
 * A command route's caller in one parameter: the token's actor, the request's headers (read into
 * the command's metadata: Idempotency-Key, If-Match, X-Correlation-Id) and the response the answer's
 * status and ETag go to. Every command route takes it instead of actor, headers and response apart.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import { answerConfiguration, type ResponseHeaders } from '../command-pipeline/answer-response.js';
import type { ConfigurationAnswer, WriteOutcome } from '../command-pipeline/command-answer.js';
import { readCommandMetadata, type CommandMetadata } from '../command-pipeline/command-metadata.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import type { AuthenticatedRequest } from './authenticated-request.js';

export class CommandCall {
  constructor(
    readonly actor: Actor,
    readonly headers: Readonly<Record<string, string | string[] | undefined>>,
    readonly response: ResponseHeaders,
  ) {}

  /** The command's metadata from the headers; `body` is what a retry with the same key must repeat. */
  metadata(command: string, body?: unknown): CommandMetadata {
    return readCommandMetadata(this.headers, this.actor, command, body);
  }

  /** The answer of a configuration or complaint stream's write: 201, or 200 when nothing new. */
  async configured(outcome: Promise<WriteOutcome>): Promise<ConfigurationAnswer> {
    return answerConfiguration(this.response, await outcome, this.actor);
  }
}

export const CurrentCall = createParamDecorator((_: unknown, context: ExecutionContext): CommandCall => {
  const http = context.switchToHttp();
  const request = http.getRequest<AuthenticatedRequest>();
  if (!request.actor)
    throw new ProblemException(problems.unauthenticated('This route needs a bearer token.'));
  return new CommandCall(request.actor, request.headers, http.getResponse<ResponseHeaders>());
});
