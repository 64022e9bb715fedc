import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { SubmitEvaluationCommand } from './submit-evaluation.command.js';

/** P4, P5: entered by staff, from the device or for the applicant (proxy). */
@CommandHandler(SubmitEvaluationCommand)
export class SubmitEvaluationHandler implements ICommandHandler<SubmitEvaluationCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: SubmitEvaluationCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'SubmitEvaluation',
      actor: metadata.actor,
      ...commandOptions(body),
      score: body.score,
      ...(body.comment !== undefined && { comment: body.comment }),
      ...(body.channel !== undefined && { channel: body.channel }),
    }));
  }
}
