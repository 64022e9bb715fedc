import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { WithdrawCaseDto } from '../dto/withdraw-case.dto.js';

export class WithdrawCaseCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: WithdrawCaseDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
