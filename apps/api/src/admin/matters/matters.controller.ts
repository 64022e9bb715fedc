import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { ConfigurationRoute } from '../../openapi/command-route.decorator.js';
import { documentedProblems } from '../../openapi/problem-responses.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { DefineMatterCommand } from './define-matter.command.js';
import { DefineMatterDto } from './define-matter.dto.js';

@ApiTags('administration')
@Controller('admin/matters')
export class MattersController {
  constructor(private readonly commands: CommandBus) {}

  @ConfigurationRoute(':code', {
    summary: 'Define a matter of the catalog (T3, T5, T7)',
    roles: 'admin',
    problems: documentedProblems(422, [
      [
        'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY',
        'The promised limit (25) may not exceed the statutory limit (20) (T5).',
      ],
      [
        'T5_LIMIT_INVALID',
        'maxExtensionDays is at most 10 working days for this matter (T7, 行政许可法 art. 42).',
      ],
    ]),
  })
  async define(
    @Param('code', IdParamPipe) code: string,
    @Body() body: DefineMatterDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    return call.configured(
      this.commands.execute(new DefineMatterCommand(code, body, call.metadata('DefineMatter', body))),
    );
  }
}
