import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { RectifyEvaluationCommand } from './rectify-evaluation.command.js';

/** P4. */
@CommandHandler(RectifyEvaluationCommand)
export class RectifyEvaluationHandler implements ICommandHandler<RectifyEvaluationCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RectifyEvaluationCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'RectifyEvaluation',
      actor: metadata.actor,
      ...commandOptions(body),
      evaluationNo: command.evaluationNo,
      valid: body.valid,
      action: body.action,
    }));
  }
}
