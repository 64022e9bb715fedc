import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { materialRef } from './material-ref.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { SubmitSupplementCommand } from './submit-supplement.command.js';

/** N3: materials first handed in now are remembered by the domain. */
@CommandHandler(SubmitSupplementCommand)
export class SubmitSupplementHandler implements ICommandHandler<SubmitSupplementCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: SubmitSupplementCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'SubmitSupplement',
      actor: metadata.actor,
      ...commandOptions(body),
      materials: body.materials.map(materialRef),
    }));
  }
}
