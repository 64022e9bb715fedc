import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { calendarStreamId } from '#domain/administration/administration-events.js';
import { publishCalendarYear } from '#domain/administration/publish-calendar-year.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { AdminWrite } from '../admin-write.js';
import { PublishCalendarYearCommand } from './publish-calendar-year.command.js';

/** T2: a new year's notice through the API, without a deploy; every calendar change is an event. */
@CommandHandler(PublishCalendarYearCommand)
export class PublishCalendarYearHandler implements ICommandHandler<PublishCalendarYearCommand, WriteOutcome> {
  constructor(private readonly admin: AdminWrite) {}

  execute({ year, body, metadata }: PublishCalendarYearCommand): Promise<WriteOutcome> {
    return this.admin.execute(calendarStreamId(year), metadata, (actor, occurredAt) =>
      publishCalendarYear(
        { year, source: body.notice, holidays: body.holidays, workdays: body.workdays },
        actor,
        occurredAt,
      ),
    );
  }
}
