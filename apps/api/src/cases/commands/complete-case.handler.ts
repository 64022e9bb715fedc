import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { CompleteCaseCommand } from './complete-case.command.js';

/** C2: onTime and overdue minutes are the domain's; N6 and T12 too (an approval awaits delivery). */
@CommandHandler(CompleteCaseCommand)
export class CompleteCaseHandler implements ICommandHandler<CompleteCaseCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: CompleteCaseCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'CompleteCase',
      actor: metadata.actor,
      ...commandOptions(body),
      outcome: body.outcome,
      decisionNo: body.decisionNo,
      ...(body.reasons !== undefined && { reasons: body.reasons }),
      ...(body.remediesNotice !== undefined && { remediesNotice: body.remediesNotice }),
    }));
  }
}
