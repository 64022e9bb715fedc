import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CaseCommand } from '#domain/case/case-commands.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import { CaseCommandExecutor, type LoadedCase } from '../case-command-executor.js';

/**
 * The one Nest command of every case step (the case-step table, evaluations): it carries the
 * domain command itself, built on the stream as loaded, so a new step needs a row, a DTO and its
 * domain function, not a command class and a handler each.
 */
export class CaseStepCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly metadata: CommandMetadata,
    readonly build: (loaded: LoadedCase) => CaseCommand,
    /** The case id was just drawn at random: no stream to read (RegisterInquiry, F1). */
    readonly options: { readonly knownNew?: boolean } = {},
  ) {
    super();
  }
}

@CommandHandler(CaseStepCommand)
export class CaseStepHandler implements ICommandHandler<CaseStepCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute({ caseId, metadata, build, options }: CaseStepCommand): Promise<WriteOutcome> {
    return this.executor.execute(caseId, metadata, build, options);
  }
}
