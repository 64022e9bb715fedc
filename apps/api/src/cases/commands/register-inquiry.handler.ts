import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { derivedEntityId } from '#infra/ids/derived-ids.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { idempotencyScope } from '../../command-pipeline/command-metadata.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { RegisterInquiryCommand } from './register-inquiry.command.js';

/** F1: the token's actor is recorded as first responder; the case id is new, or derived from the Idempotency-Key so a retry lands on the same stream. */
@CommandHandler(RegisterInquiryCommand)
export class RegisterInquiryHandler implements ICommandHandler<RegisterInquiryCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: RegisterInquiryCommand): Promise<WriteOutcome> {
    const { body, metadata } = command;
    const scope = idempotencyScope(metadata);
    const caseId = derivedEntityId(scope, 'case', 'inquiry');
    return this.executor.execute(
      caseId,
      metadata,
      () => ({
        type: 'RegisterInquiry',
        actor: metadata.actor,
        ...commandOptions(body),
        caseId,
        centerId: body.centerId,
        channel: body.channel,
        applicant: {
          kind: body.applicant.kind,
          name: body.applicant.name,
          ...(body.applicant.idNumber !== undefined && { idNumber: body.applicant.idNumber }),
          ...(body.applicant.phone !== undefined && { phone: body.applicant.phone }),
        },
        question: body.question,
        ...(body.matterCode !== undefined && { matterCode: body.matterCode }),
      }),
      // A random id names a stream nobody has written yet: nothing to read before deciding.
      { knownNew: scope === undefined },
    );
  }
}
