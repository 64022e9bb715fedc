/**
 * Routes generated from the case-step table (case-step.ts): for each row, a POST handler with its
 * path parameters (ids through IdParamPipe, `:n` through OrdinalParamPipe), the body validated as
 * the row's DTO, and the OpenAPI of a command route with the row's refusals taken from the domain's
 * catalog. Nest reads decorators as metadata, so applying them to a method defined here is the
 * same as writing them by hand; `design:paramtypes` is what TypeScript would emit for it.
 */
import { applyDecorators, Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandAnswer } from '../../command-pipeline/command-answer.js';
import { answerCommand } from '../../command-pipeline/answer-response.js';
import { catalogProblem } from '../../openapi/catalog-problems.js';
import { CommandRoute } from '../../openapi/command-route.decorator.js';
import type { DocumentedProblem } from '../../openapi/problem-responses.js';
import { IdParamPipe, OrdinalParamPipe } from '../../validation/route-param.pipes.js';
import { CaseStepCommand } from '../commands/case-step.command.js';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { CaseStep, StepPath } from './case-step.js';

const PATH_PARAM = /:(\w+)/g;

/** The documented problems of a row: its codes, status and title from the domain's catalog. */
export const stepProblems = (step: CaseStep): DocumentedProblem[] =>
  step.refuses.map(([code, example]) => catalogProblem(code, example));

/** A controller of case steps; a subclass may add routes of its own (evaluations.controller.ts). */
export type CaseStepControllerType = new (commands: CommandBus) => { readonly commands: CommandBus };

export function caseStepController(
  name: string,
  steps: readonly CaseStep[],
  tag = 'case commands',
): CaseStepControllerType {
  @ApiTags(tag)
  @Controller('cases')
  class CaseStepController {
    constructor(@Inject(CommandBus) readonly commands: CommandBus) {}
  }
  Object.defineProperty(CaseStepController, 'name', { value: name });
  for (const step of steps) defineRoute(CaseStepController.prototype, step);
  return CaseStepController;
}

function defineRoute(prototype: { readonly commands: CommandBus }, step: CaseStep): void {
  const params = [...step.route.matchAll(PATH_PARAM)].map((m) => m[1]!);
  async function handle(this: { readonly commands: CommandBus }, ...args: unknown[]): Promise<CommandAnswer> {
    const [body, call] = args.slice(params.length);
    if (!(call instanceof CommandCall)) throw new Error('CurrentCall did not run');
    const path = stepPath(params, args);
    // A retry key names one request: the body, and the card, complaint or ordinal its path names.
    const request = path.ref !== '' || path.n !== 0 ? { body, ref: path.ref, n: path.n } : body;
    const metadata = call.metadata(step.command, request);
    const created = step.newCase?.(metadata);
    const caseId = created?.caseId ?? path.id;
    const outcome = await this.commands.execute(
      new CaseStepCommand(
        caseId,
        metadata,
        (loaded) => step.build({ caseId, path, body, metadata, loaded }, call.actor),
        { knownNew: created?.knownNew === true },
      ),
    );
    return answerCommand(call.response, outcome, caseId, call.actor);
  }
  // Nest and the OpenAPI explorer find a handler's metadata by its function's name.
  Object.defineProperty(handle, 'name', { value: step.method });
  Object.defineProperty(prototype, step.method, { value: handle, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, step.method)!;
  const paramTypes = [...params.map((p) => (p === 'n' ? Number : String)), step.dto, CommandCall];
  Reflect.defineMetadata('design:paramtypes', paramTypes, prototype, step.method);
  Reflect.defineMetadata('design:returntype', Promise, prototype, step.method);
  // Last parameter first, as TypeScript applies parameter decorators (OpenAPI lists them so).
  CurrentCall()(prototype, step.method, params.length + 1);
  Body()(prototype, step.method, params.length);
  for (let i = params.length - 1; i >= 0; i--)
    Param(params[i]!, params[i] === 'n' ? OrdinalParamPipe : IdParamPipe)(prototype, step.method, i);
  applyDecorators(
    Post(step.route),
    CommandRoute({
      summary: step.summary,
      roles: step.roles,
      ...(step.description !== undefined && { description: step.description }),
      problems: stepProblems(step),
    }),
  )(prototype, step.method, descriptor);
}

function stepPath(params: readonly string[], args: readonly unknown[]): StepPath {
  const path = { id: '', ref: '', n: 0 };
  params.forEach((name, i) => {
    const value = args[i];
    if (typeof value === 'number') path.n = value;
    else if (typeof value === 'string') path[name === 'id' ? 'id' : 'ref'] = value;
  });
  return path;
}
