import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ResumeCaseDto } from '../dto/resume-case.dto.js';

export class ResumeCaseCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly suspensionNo: number,
    readonly body: ResumeCaseDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
