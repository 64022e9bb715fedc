import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { AnswerInquiryDto } from '../dto/answer-inquiry.dto.js';

export class AnswerInquiryCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: AnswerInquiryDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
