/**
 * Routes generated from the admin-command table (admin-commands.ts): for each row, a PUT handler
 * with its path parameter, the body validated as the row's DTO, and the OpenAPI of a configuration
 * route. Nest reads decorators as metadata, so applying them to a method defined here is the same
 * as writing them by hand; `design:paramtypes` is what TypeScript would emit for it (as the
 * case-step table's routes, cases/steps/case-step.controller.ts).
 */
import { applyDecorators, Body, Controller, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { CommandCall, CurrentCall } from '../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../command-pipeline/command-answer.js';
import { ConfigurationRoute } from '../openapi/command-route.decorator.js';
import { IdParamPipe } from '../validation/route-param.pipes.js';
import { AdminCommand } from './admin-command.js';
import type { AdminCommandRoute } from './admin-command-row.js';

/** What the generated routes need of a controller: the CommandBus. */
export interface AdminCommandsHost {
  readonly commands: CommandBus;
}

/**
 * A controller's own routes besides the table's (a GET of what was configured); its constructor
 * takes the CommandBus first. The table's routes come first in the document, as written before.
 */
export type AdminControllerBase = new (commands: CommandBus, ...rest: never[]) => AdminCommandsHost;

class CommandsOnly implements AdminCommandsHost {
  constructor(@Inject(CommandBus) readonly commands: CommandBus) {}
}

/** The base of a controller whose own GETs read what was configured (the calendar, the policy). */
export class ConfigurationReads implements AdminCommandsHost {
  constructor(
    @Inject(CommandBus) readonly commands: CommandBus,
    @Inject(ConfigurationCache) protected readonly configuration: ConfigurationCache,
  ) {}
}

export function adminCommandController(
  name: string,
  path: string,
  routes: readonly AdminCommandRoute[],
  base: AdminControllerBase = CommandsOnly,
): AdminControllerBase {
  @ApiTags('administration')
  @Controller(path)
  class AdminController extends base {}
  Object.defineProperty(AdminController, 'name', { value: name });
  for (const route of routes) defineRoute(AdminController.prototype, route);
  return AdminController;
}

function defineRoute(prototype: AdminCommandsHost, route: AdminCommandRoute): void {
  const param = /:(\w+)/.exec(route.route)?.[1];
  async function handle(this: AdminCommandsHost, ...args: unknown[]): Promise<ConfigurationAnswer> {
    const [pathText, body, call] = param === undefined ? ['', ...args] : args;
    if (!(call instanceof CommandCall)) throw new Error('CurrentCall did not run');
    const prepare = route.open(typeof pathText === 'string' ? pathText : '');
    // Finding 5: a keyed retry repeats the body and the caller, or it is 422 IDEMPOTENCY_KEY_REUSED.
    const metadata = call.metadata(route.command, body);
    const { streamId, decide } = prepare(body);
    const answer = await call.configured(this.commands.execute(new AdminCommand(streamId, metadata, decide)));
    return route.answer ? route.answer(answer) : answer;
  }
  // Nest and the OpenAPI explorer find a handler's metadata by its function's name.
  Object.defineProperty(handle, 'name', { value: route.method });
  Object.defineProperty(prototype, route.method, { value: handle, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(prototype, route.method)!;
  const paramTypes = [...(param === undefined ? [] : [String]), route.dto, CommandCall];
  Reflect.defineMetadata('design:paramtypes', paramTypes, prototype, route.method);
  Reflect.defineMetadata('design:returntype', Promise, prototype, route.method);
  // Last parameter first, as TypeScript applies parameter decorators (OpenAPI lists them so).
  const first = param === undefined ? 0 : 1;
  CurrentCall()(prototype, route.method, first + 1);
  Body()(prototype, route.method, first);
  if (param !== undefined) Param(param, ...(route.idPipe ? [IdParamPipe] : []))(prototype, route.method, 0);
  applyDecorators(
    ...(route.extraModels ? [ApiExtraModels(...route.extraModels)] : []),
    ConfigurationRoute(route.route, {
      summary: route.summary,
      roles: route.roles,
      ...(route.description !== undefined && { description: route.description }),
      ...(route.problems !== undefined && { problems: route.problems }),
    }),
  )(prototype, route.method, descriptor);
}
