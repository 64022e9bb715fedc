import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { RevokeCardCommand } from './revoke-card.command.js';

/** C4: only a supervisor, with a reason. */
@CommandHandler(RevokeCardCommand)
export class RevokeCardHandler implements ICommandHandler<RevokeCardCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RevokeCardCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'RevokeCard',
      actor: metadata.actor,
      ...commandOptions(body),
      cardId: command.cardId,
      reason: body.reason ?? '',
    }));
  }
}
