import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { RequestSupplementDto } from '../dto/request-supplement.dto.js';

export class RequestSupplementCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: RequestSupplementDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
