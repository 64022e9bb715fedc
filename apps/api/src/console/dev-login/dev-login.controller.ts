/**
 * GET /auth/dev-login and POST /auth/dev-login (issue 18): the console's development sign-in. It
 * lists one identity per role and mints an 8-hour token for one, signed with the development
 * secret — only when the API runs on that secret and the request comes from this machine
 * (dev-login-availability.ts); otherwise both answer 403 DEV_LOGIN_UNAVAILABLE. No bearer token:
 * this is how one gets a token.
 */
import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { signStaffToken } from '#infra/auth/token-signer.js';
import type { AppConfig } from '#infra/config/app-config.js';
import { PublicRoute } from '../../auth/public-route.decorator.js';
import { ApiProblems, documentedProblem } from '../../openapi/problem-responses.js';
import { problem, ProblemException } from '../../problem/problem-details.js';
import { APP_CONFIG } from '../../runtime/runtime-tokens.js';
import { DEV_IDENTITIES, staffClaimsOf } from './dev-identities.js';
import { devLoginAvailability } from './dev-login-availability.js';
import { DevLoginDto } from './dev-login.dto.js';
import { DevLoginOptionsView, DevTokenView, type DevIdentityView } from './dev-login.view.js';

const TOKEN_HOURS = 8;
const UNAVAILABLE = documentedProblem(
  403,
  'DEV_LOGIN_UNAVAILABLE',
  'The development login exists only while AUTH_JWT_SECRET is unset (the development secret).',
);
const INVALID = documentedProblem(400, 'VALIDATION_FAILED', 'role must be one of …');

@ApiTags('console')
@PublicRoute()
@Controller('auth/dev-login')
export class DevLoginController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({
    summary: 'Development sign-in: the identities one may sign in as (console, issue 18)',
    description:
      'No token needed. Answers only while AUTH_JWT_SECRET is unset (the development secret) and the request comes from this machine ' +
      '(loopback address and Host); otherwise 403 DEV_LOGIN_UNAVAILABLE.',
  })
  @ApiOkResponse({ type: DevLoginOptionsView })
  @ApiProblems([UNAVAILABLE])
  options(@Req() request: IncomingMessage): DevLoginOptionsView {
    this.secret(request);
    return { identities: STAFF_ROLES.map((role) => ({ ...DEV_IDENTITIES[role] })) };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Development sign-in: a token for one role (console, issue 18)',
    description:
      'No token needed. Mints an 8-hour HS256 token with the development secret for the role’s listed identity; centerId, departmentId, ' +
      'windowId and name replace the listed ones. Only while AUTH_JWT_SECRET is unset and the request comes from this machine; ' +
      'otherwise 403 DEV_LOGIN_UNAVAILABLE.',
  })
  @ApiOkResponse({ type: DevTokenView })
  @ApiProblems([INVALID, UNAVAILABLE])
  async mint(@Body() body: DevLoginDto, @Req() request: IncomingMessage): Promise<DevTokenView> {
    const secret = this.secret(request);
    const listed = DEV_IDENTITIES[body.role];
    const identity: DevIdentityView = {
      ...listed,
      ...(body.name !== undefined && { name: body.name }),
      ...(body.centerId !== undefined && { centerId: body.centerId }),
      ...(body.departmentId !== undefined && { departmentId: body.departmentId }),
      ...(body.windowId !== undefined && { windowId: body.windowId }),
    };
    const expiresAt = Date.now() + TOKEN_HOURS * 3_600_000;
    const token = await signStaffToken(staffClaimsOf(identity, body.role), secret, `${TOKEN_HOURS}h`);
    return { token, expiresAt: toShanghaiIso(expiresAt), identity };
  }

  private secret(request: IncomingMessage): string {
    const availability = devLoginAvailability(this.config, request);
    if (!availability.available)
      throw new ProblemException(problem(403, UNAVAILABLE.code, UNAVAILABLE.title, availability.reason));
    return availability.secret;
  }
}
