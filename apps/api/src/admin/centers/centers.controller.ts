import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
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
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    const outcome = this.commands.execute(
      new ConfigureCenterCommand(centerId, body, call.metadata('ConfigureCenter', body)),
    );
    return call.configured(outcome);
  }
}
