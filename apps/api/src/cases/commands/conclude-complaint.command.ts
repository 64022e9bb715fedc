import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ConcludeComplaintDto } from '../dto/conclude-complaint.dto.js';

export class ConcludeComplaintCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly complaintId: string,
    readonly body: ConcludeComplaintDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
