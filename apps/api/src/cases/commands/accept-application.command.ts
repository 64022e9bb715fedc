import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { AcceptApplicationDto } from '../dto/accept-application.dto.js';

export class AcceptApplicationCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: AcceptApplicationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
