import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { RevokeCardDto } from '../dto/revoke-card.dto.js';

export class RevokeCardCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly cardId: string,
    readonly body: RevokeCardDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
