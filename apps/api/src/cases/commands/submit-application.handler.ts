import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { materialRef } from './material-ref.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { SubmitApplicationCommand } from './submit-application.command.js';

/** The matter comes from the catalog cache (CaseCommandExecutor). */
@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: SubmitApplicationCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'SubmitApplication',
      actor: metadata.actor,
      ...commandOptions(body),
      matterCode: body.matterCode,
      materials: body.materials.map(materialRef),
    }));
  }
}
