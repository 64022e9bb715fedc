import { Body, Controller, Get, Headers, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import type { TimelinessPolicy } from '#domain/timeliness/timeliness-policy.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { answerConfiguration, type ResponseHeaders } from '../../command-pipeline/answer-response.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { readCommandMetadata } from '../../command-pipeline/command-metadata.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { CommandRoute } from '../../openapi/command-route.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblem } from '../../openapi/problem-responses.js';
import { ConfigurationAnswerSchema } from '../../openapi/recorded-event.schema.js';
import { ChangeTimelinessPolicyCommand } from './change-timeliness-policy.command.js';
import { ChangeTimelinessPolicyDto } from './change-timeliness-policy.dto.js';

@ApiTags('administration')
@Controller('admin/policy')
export class PolicyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly configuration: ConfigurationCache,
  ) {}

  @Put('timeliness')
  @CommandRoute({
    summary: 'Record a new version of the timeliness policy (C1–C7, T10)',
    roles: 'admin, supervisor',
    answer: ConfigurationAnswerSchema,
    problems: [
      documentedProblem(
        409,
        'C7_POLICY_VERSION_EXISTS',
        "Policy version 'county-2026.2' is already recorded; a change needs a new version name (C7).",
      ),
    ],
  })
  async change(
    @Body() body: ChangeTimelinessPolicyDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<ConfigurationAnswer> {
    const outcome = await this.commands.execute(
      new ChangeTimelinessPolicyCommand(
        body,
        readCommandMetadata(headers, actor, 'ChangeTimelinessPolicy', body),
      ),
    );
    return answerConfiguration(response, outcome);
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
