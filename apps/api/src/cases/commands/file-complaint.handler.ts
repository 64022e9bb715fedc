import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { FileComplaintCommand } from './file-complaint.command.js';

/** P1: the complaint id is new, or derived from the Idempotency-Key. */
@CommandHandler(FileComplaintCommand)
export class FileComplaintHandler implements ICommandHandler<FileComplaintCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: FileComplaintCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    const scope = idempotencyScope(metadata);
    const complaintId = derivedEntityId(scope, 'complaint', caseId);
    return this.executor.execute(caseId, metadata, () => ({
      type: 'FileComplaint',
      actor: metadata.actor,
      ...commandOptions(body),
      complaintId,
      channel: body.channel ?? '',
      subject: { kind: body.subject.kind, ...(body.subject.id !== undefined && { id: body.subject.id }) },
      content: body.content ?? '',
    }));
  }
}
