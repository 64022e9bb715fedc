import { Body, Controller, Get } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { ConfigurationRoute } from '../../openapi/command-route.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblems } from '../../openapi/problem-responses.js';
import { ChangeTimelinessPolicyCommand } from './change-timeliness-policy.command.js';
import { ChangeTimelinessPolicyDto } from './change-timeliness-policy.dto.js';

@ApiTags('administration')
@Controller('admin/policy')
export class PolicyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly configuration: ConfigurationCache,
  ) {}

  @ConfigurationRoute('timeliness', {
    summary: 'Record a new version of the timeliness policy (C1–C7, T10)',
    roles: 'admin, supervisor',
    problems: documentedProblems(409, [
      [
        'C7_POLICY_VERSION_EXISTS',
        "Policy version 'county-2026.2' is already recorded; a change needs a new version name (C7).",
      ],
    ]),
  })
  async change(
    @Body() body: ChangeTimelinessPolicyDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    return call.configured(
      this.commands.execute(
        new ChangeTimelinessPolicyCommand(body, call.metadata('ChangeTimelinessPolicy', body)),
      ),
    );
  }

  @Get('timeliness')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The timeliness policy in force (C7)', description: 'Roles: any staff.' })
  @ApiOkResponse({ type: ChangeTimelinessPolicyDto })
  @ApiProblems(COMMON_PROBLEMS)
  current(): TimelinessPolicy {
    return this.configuration.policy();
  }
}
