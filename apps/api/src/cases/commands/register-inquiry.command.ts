import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { RegisterInquiryDto } from '../dto/register-inquiry.dto.js';

/** Creates a case: its id is chosen by the handler, so the command carries none. */
export class RegisterInquiryCommand extends Command<WriteOutcome> {
  constructor(
    readonly body: RegisterInquiryDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
