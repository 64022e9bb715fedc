import { Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import { ApiProblems, COMMON_PROBLEMS } from '../../openapi/problem-responses.js';
import { adminCommandController, ConfigurationReads } from '../admin-command.controller.js';
import { CHANGE_TIMELINESS_POLICY } from '../admin-commands.js';
import { ChangeTimelinessPolicyDto } from './change-timeliness-policy.dto.js';

/** GET /admin/policy/timeliness: the policy in force. */
class PolicyReads extends ConfigurationReads {
  @Get('timeliness')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The timeliness policy in force (C7)', description: 'Roles: any staff.' })
  @ApiOkResponse({ type: ChangeTimelinessPolicyDto })
  @ApiProblems(COMMON_PROBLEMS)
  current(): TimelinessPolicy {
    return this.configuration.policy();
  }
}

/** PUT /admin/policy/timeliness (C7), a row of the admin-command table, and the GET of the policy. */
export const PolicyController = adminCommandController(
  'PolicyController',
  'admin/policy',
  [CHANGE_TIMELINESS_POLICY],
  PolicyReads,
);
