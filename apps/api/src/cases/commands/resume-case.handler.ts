import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { ResumeCaseCommand } from './resume-case.command.js';

/** T6: the deadline moves by the office time suspended. */
@CommandHandler(ResumeCaseCommand)
export class ResumeCaseHandler implements ICommandHandler<ResumeCaseCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ResumeCaseCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'ResumeCase',
      actor: metadata.actor,
      ...commandOptions(body),
      suspensionNo: command.suspensionNo,
    }));
  }
}
