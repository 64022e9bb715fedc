import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ChangeTimelinessPolicyDto } from './change-timeliness-policy.dto.js';

export class ChangeTimelinessPolicyCommand extends Command<WriteOutcome> {
  constructor(
    readonly body: ChangeTimelinessPolicyDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
