import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '#domain/actor/actor.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import type { AuthenticatedRequest } from './authenticated-request.js';

/** The authenticated actor (DOMAIN.md: "The actor of every step comes from the authenticated identity"). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new ProblemException(problems.unauthenticated('This route needs a bearer token.'));
  return actor;
});
