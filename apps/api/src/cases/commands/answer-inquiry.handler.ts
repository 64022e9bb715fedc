import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { CaseCommandExecutor } from '../case-command-executor.js';
import { commandOptions } from './command-options.js';
import { AnswerInquiryCommand } from './answer-inquiry.command.js';

/** F1: only the first responder (or the referred department) answers; the domain checks it. */
@CommandHandler(AnswerInquiryCommand)
export class AnswerInquiryHandler implements ICommandHandler<AnswerInquiryCommand, WriteOutcome> {
  constructor(private readonly executor: CaseCommandExecutor) {}

  execute(command: AnswerInquiryCommand): Promise<WriteOutcome> {
    const { caseId, body, metadata } = command;
    return this.executor.execute(caseId, metadata, () => ({
      type: 'AnswerInquiry',
      actor: metadata.actor,
      ...commandOptions(body),
      answer: body.answer,
    }));
  }
}
