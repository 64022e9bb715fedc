import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { RejectApplicationDto } from '../dto/reject-application.dto.js';

export class RejectApplicationCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: RejectApplicationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
