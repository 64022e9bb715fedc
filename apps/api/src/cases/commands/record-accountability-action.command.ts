import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { RecordAccountabilityActionDto } from '../dto/record-accountability-action.dto.js';

export class RecordAccountabilityActionCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: RecordAccountabilityActionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
