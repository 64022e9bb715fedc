import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { ReferInquiryCommand } from './refer-inquiry.command.js';

/** F2: a missing handler or phone reaches the domain as empty, which refuses it with F2_REFERRAL_WITHOUT_HANDLER. */
@CommandHandler(ReferInquiryCommand)
export class ReferInquiryHandler implements ICommandHandler<ReferInquiryCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: ReferInquiryCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'ReferInquiry',
      actor: metadata.actor,
      ...commandOptions(body),
      toDepartmentId: body.toDepartmentId ?? '',
      ...(body.toWindowId !== undefined && { toWindowId: body.toWindowId }),
      handlerName: body.handlerName ?? '',
      handlerPhone: body.handlerPhone ?? '',
      ...(body.note !== undefined && { note: body.note }),
    }));
  }
}
