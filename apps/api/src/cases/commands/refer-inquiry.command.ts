import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ReferInquiryDto } from '../dto/refer-inquiry.dto.js';

export class ReferInquiryCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: ReferInquiryDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
