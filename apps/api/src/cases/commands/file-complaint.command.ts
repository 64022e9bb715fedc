import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { FileComplaintDto } from '../dto/file-complaint.dto.js';

export class FileComplaintCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: FileComplaintDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
