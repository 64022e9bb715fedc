import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { SubmitSupplementDto } from '../dto/submit-supplement.dto.js';

export class SubmitSupplementCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: SubmitSupplementDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
