import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { SubmitApplicationDto } from '../dto/submit-application.dto.js';

export class SubmitApplicationCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: SubmitApplicationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
