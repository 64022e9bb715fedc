import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { CompleteCaseDto } from '../dto/complete-case.dto.js';

export class CompleteCaseCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: CompleteCaseDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
