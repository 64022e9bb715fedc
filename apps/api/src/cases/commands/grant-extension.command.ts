import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { GrantExtensionDto } from '../dto/grant-extension.dto.js';

export class GrantExtensionCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: GrantExtensionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
