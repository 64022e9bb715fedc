import { Body, Controller, Headers, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { answerConfiguration, type ResponseHeaders } from '../../command-pipeline/answer-response.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { readCommandMetadata } from '../../command-pipeline/command-metadata.js';
import { CommandRoute } from '../../openapi/command-route.decorator.js';
import { documentedProblem } from '../../openapi/problem-responses.js';
import { ConfigurationAnswerSchema } from '../../openapi/recorded-event.schema.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { ConfigureCenterCommand } from './configure-center.command.js';
import { ConfigureCenterDto } from './configure-center.dto.js';

@ApiTags('administration')
@Controller('admin/centers')
export class CentersController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':centerId')
  @CommandRoute({
    summary: 'Configure a center and its office hours (T1)',
    roles: 'admin',
    answer: ConfigurationAnswerSchema,
    problems: [
      documentedProblem(
        422,
        'T1_OFFICE_PERIODS_OVERLAP',
        'Office hours are invalid (T1): 11:00–13:00 overlaps the previous period.',
      ),
      documentedProblem(
        422,
        'T1_OFFICE_TIME_INVALID',
        'Office hours are invalid (T1): not a time of day HH:MM: 25:00.',
      ),
    ],
  })
  async configure(
    @Param('centerId', IdParamPipe) centerId: string,
    @Body() body: ConfigureCenterDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<ConfigurationAnswer> {
    const outcome = await this.commands.execute(
      new ConfigureCenterCommand(
        centerId,
        body,
        readCommandMetadata(headers, actor, 'ConfigureCenter', body),
      ),
    );
    return answerConfiguration(response, outcome);
  }
}
