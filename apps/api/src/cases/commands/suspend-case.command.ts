import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { SuspendCaseDto } from '../dto/suspend-case.dto.js';

export class SuspendCaseCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: SuspendCaseDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
