import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { SuspendCaseCommand } from './suspend-case.command.js';

/** T6. */
@CommandHandler(SuspendCaseCommand)
export class SuspendCaseHandler implements ICommandHandler<SuspendCaseCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: SuspendCaseCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'SuspendCase',
      actor: metadata.actor,
      ...commandOptions(body),
      suspensionType: body.type,
      reason: body.reason ?? '',
      applicantNotifiedAt: body.applicantNotifiedAt ?? '',
      ...(body.expectedDays !== undefined && { expectedDays: body.expectedDays }),
    }));
  }
}
