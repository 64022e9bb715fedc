/**
 * OpenAPI of a command route: who may call it, its headers, its answers (201, 200 for a replay of
 * the same Idempotency-Key) and every problem it can answer with, with examples.
 */
import { applyDecorators, Put, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { ApiProblems, COMMAND_PROBLEMS, type DocumentedProblem } from './problem-responses.js';
import {
  CommandAnswerSchema,
  ConfigurationAnswerSchema,
  ProblemDetailsSchema,
} from './recorded-event.schema.js';

export interface CommandRouteOptions {
  readonly summary: string;
  readonly roles: string;
  readonly problems?: readonly DocumentedProblem[];
  readonly answer?: Type;
  readonly description?: string;
}

export const COMMAND_HEADERS = [
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key records nothing and answers 200 with the first answer.',
    example: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  }),
  ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The ETag of the stream as last seen ("<revision>"); 412 when it has moved on.',
    example: '"2"',
  }),
  ApiHeader({
    name: 'X-Correlation-Id',
    required: false,
    description: 'Recorded as correlationId of the events (U1); a new one when absent.',
    example: 'req-20260302-0001',
  }),
];

export function CommandRoute(options: CommandRouteOptions): MethodDecorator {
  const answer = options.answer ?? CommandAnswerSchema;
  return applyDecorators(
    ApiExtraModels(CommandAnswerSchema, ConfigurationAnswerSchema, ProblemDetailsSchema),
    ApiBearerAuth(),
    ApiOperation({
      summary: options.summary,
      description: `Roles: ${options.roles}.${options.description ? ` ${options.description}` : ''}`,
    }),
    ...COMMAND_HEADERS,
    ApiResponse({
      status: 201,
      description: 'Recorded; ETag: "<revision>"',
      type: answer,
      headers: { ETag: { description: 'The new revision', schema: { type: 'string', example: '"2"' } } },
    }),
    ApiResponse({
      status: 200,
      description: 'A replay of the same Idempotency-Key: the first answer, nothing recorded',
      type: answer,
    }),
    ApiProblems(COMMAND_PROBLEMS, options.problems ?? []),
  );
}

/** A PUT of a configuration stream (center, matter, calendar year, policy, subscription): its answer is a ConfigurationAnswer. */
export function ConfigurationRoute(
  path: string,
  options: Omit<CommandRouteOptions, 'answer'>,
): MethodDecorator {
  return applyDecorators(Put(path), CommandRoute({ ...options, answer: ConfigurationAnswerSchema }));
}
