import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { DefineMatterDto } from './define-matter.dto.js';

export class DefineMatterCommand extends Command<WriteOutcome> {
  constructor(
    readonly code: string,
    readonly body: DefineMatterDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
