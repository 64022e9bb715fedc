import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ConfigureCenterDto } from './configure-center.dto.js';

export class ConfigureCenterCommand extends Command<WriteOutcome> {
  constructor(
    readonly centerId: string,
    readonly body: ConfigureCenterDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
