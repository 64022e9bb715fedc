import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { RectifyEvaluationDto } from '../dto/rectify-evaluation.dto.js';

export class RectifyEvaluationCommand extends Command<WriteOutcome> {
  constructor(
    readonly caseId: string,
    readonly evaluationNo: number,
    readonly body: RectifyEvaluationDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
