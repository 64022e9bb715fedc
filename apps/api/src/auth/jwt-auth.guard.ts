/**
 * Every route needs `Authorization: Bearer <JWT>` (API.md "Conventions") unless marked
 * `@PublicRoute()`. A missing, malformed, expired or badly signed token, or one whose claims do not
 * describe a staff member, answers 401 `UNAUTHENTICATED`. Roles and scope are the domain's to judge
 * (authorize.ts), so this guard only establishes who is asking.
 */
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { actorFromClaims } from '#infra/auth/staff-claims.js';
import type { TokenVerifier } from '#infra/auth/token-verifier.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import { TOKEN_VERIFIER } from '../runtime/runtime-tokens.js';
import type { AuthenticatedRequest } from './authenticated-request.js';
import { PUBLIC_ROUTE } from './public-route.decorator.js';

// The scheme is case-insensitive (RFC 9110 §11.1): `bearer` is as good as `Bearer`.
const BEARER = /^Bearer[ ]+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)[ ]*$/i;

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const raw = request.headers.authorization;
    const authorization = Array.isArray(raw) ? raw[0] : raw;
    if (authorization === undefined)
      throw new ProblemException(problems.unauthenticated('Send Authorization: Bearer <JWT>.'));
    const match = BEARER.exec(authorization);
    if (!match)
      throw new ProblemException(problems.unauthenticated('The Authorization header is not a bearer JWT.'));
    const result = await this.verifier.verify(match[1]!);
    if (!result.ok) throw new ProblemException(problems.unauthenticated(`Rejected token: ${result.reason}.`));
    request.actor = actorFromClaims(result.claims);
    return true;
  }
}
