import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { ConcludeComplaintCommand } from './conclude-complaint.command.js';

/** P2, P3. */
@CommandHandler(ConcludeComplaintCommand)
export class ConcludeComplaintHandler implements ICommandHandler<ConcludeComplaintCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ConcludeComplaintCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'ConcludeComplaint',
      actor: metadata.actor,
      ...commandOptions(body),
      complaintId: command.complaintId,
      substantiated: body.substantiated,
      reply: body.reply,
    }));
  }
}
