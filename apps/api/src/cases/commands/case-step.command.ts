import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import { CaseCommandExecutor, type LoadedCase } from '../case-command-executor.js';

/**
 * One Nest command for the steps of T12, T13, P5 and P6: it carries the domain command itself, so a
 * new step needs a DTO, a route and its domain function, not a command class and a handler each.
 */
export class CaseStepCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly metadata: CommandMetadata,
    readonly build: (loaded: LoadedCase) => CaseCommand,
  ) {
    super();
  }
}

@CommandHandler(CaseStepCommand)
export class CaseStepHandler implements ICommandHandler<CaseStepCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute({ caseId, metadata, build }: CaseStepCommand): Promise<WriteOutcome> {
    return this.executor.execute(caseId, metadata, build);
  }
}
