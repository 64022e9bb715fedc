import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { SubmitEvaluationDto } from '../dto/submit-evaluation.dto.js';

export class SubmitEvaluationCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly body: SubmitEvaluationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
