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
import { DefineMatterCommand } from './define-matter.command.js';
import { DefineMatterDto } from './define-matter.dto.js';

@ApiTags('administration')
@Controller('admin/matters')
export class MattersController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':code')
  @CommandRoute({
    summary: 'Define a matter of the catalog (T3, T5, T7)',
    roles: 'admin',
    answer: ConfigurationAnswerSchema,
    problems: [
      documentedProblem(
        422,
        'T5_PROMISED_LIMIT_EXCEEDS_STATUTORY',
        'The promised limit (25) may not exceed the statutory limit (20) (T5).',
      ),
      documentedProblem(
        422,
        'T5_LIMIT_INVALID',
        'maxExtensionDays is at most 10 working days for this matter (T7, 行政许可法 art. 42).',
      ),
    ],
  })
  async define(
    @Param('code', IdParamPipe) code: string,
    @Body() body: DefineMatterDto,
    @CurrentActor() actor: Actor,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) response: ResponseHeaders,
  ): Promise<ConfigurationAnswer> {
    const outcome = await this.commands.execute(
      new DefineMatterCommand(code, body, readCommandMetadata(headers, actor, 'DefineMatter', body)),
    );
    return answerConfiguration(response, outcome);
  }
}
