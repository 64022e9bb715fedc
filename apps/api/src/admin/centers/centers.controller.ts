import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { ConfigurationRoute } from '../../openapi/command-route.decorator.js';
import { documentedProblems } from '../../openapi/problem-responses.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { ConfigureCenterCommand } from './configure-center.command.js';
import { ConfigureCenterDto } from './configure-center.dto.js';

@ApiTags('administration')
@Controller('admin/centers')
export class CentersController {
  constructor(private readonly commands: CommandBus) {}

  @ConfigurationRoute(':centerId', {
    summary: 'Configure a center and its office hours (T1)',
    roles: 'admin',
    problems: documentedProblems(422, [
      [
        'T1_OFFICE_PERIODS_OVERLAP',
        'Office hours are invalid (T1): 11:00–13:00 overlaps the previous period.',
      ],
      ['T1_OFFICE_TIME_INVALID', 'Office hours are invalid (T1): not a time of day HH:MM: 25:00.'],
    ]),
  })
  async configure(
    @Param('centerId', IdParamPipe) centerId: string,
    @Body() body: ConfigureCenterDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    return call.configured(
      this.commands.execute(
        new ConfigureCenterCommand(centerId, body, call.metadata('ConfigureCenter', body)),
      ),
    );
  }
}
