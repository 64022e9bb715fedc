import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { WithdrawCaseCommand } from './withdraw-case.command.js';

/** Any open state may be withdrawn (DOMAIN.md lifecycle). */
@CommandHandler(WithdrawCaseCommand)
export class WithdrawCaseHandler implements ICommandHandler<WithdrawCaseCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: WithdrawCaseCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'WithdrawCase',
      actor: metadata.actor,
      ...commandOptions(body),
      reason: body.reason ?? '',
    }));
  }
}
