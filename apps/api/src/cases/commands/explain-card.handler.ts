import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { ExplainCardCommand } from './explain-card.command.js';

/** C5. */
@CommandHandler(ExplainCardCommand)
export class ExplainCardHandler implements ICommandHandler<ExplainCardCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ExplainCardCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'ExplainCard',
      actor: metadata.actor,
      ...commandOptions(body),
      cardId: command.cardId,
      text: body.text,
    }));
  }
}
