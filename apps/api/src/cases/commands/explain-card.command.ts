import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ExplainCardDto } from '../dto/explain-card.dto.js';

export class ExplainCardCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly cardId: string,
    readonly body: ExplainCardDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
