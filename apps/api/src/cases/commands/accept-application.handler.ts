import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { AcceptApplicationCommand } from './accept-application.command.js';

/** N5, T3–T5, T9: the deadline is computed by the domain with the calendar and policy in force. */
@CommandHandler(AcceptApplicationCommand)
export class AcceptApplicationHandler implements ICommandHandler<AcceptApplicationCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: AcceptApplicationCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'AcceptApplication',
      actor: metadata.actor,
      ...commandOptions(body),
      receiptNo: body.receiptNo ?? '',
    }));
  }
}
