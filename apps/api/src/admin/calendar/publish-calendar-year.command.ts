import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { PublishCalendarYearDto } from './publish-calendar-year.dto.js';

export class PublishCalendarYearCommand extends Command<WriteOutcome> {
  constructor(
    readonly year: number,
    readonly body: PublishCalendarYearDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
