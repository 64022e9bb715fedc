import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { GrantExtensionCommand } from './grant-extension.command.js';

/** T7. */
@CommandHandler(GrantExtensionCommand)
export class GrantExtensionHandler implements ICommandHandler<GrantExtensionCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: GrantExtensionCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'GrantExtension',
      actor: metadata.actor,
      ...commandOptions(body),
      days: body.days,
      reason: body.reason ?? '',
      applicantNotifiedAt: body.applicantNotifiedAt ?? '',
      channel: body.channel,
    }));
  }
}
