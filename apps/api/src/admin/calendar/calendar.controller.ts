import { Body, Controller, Get, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIRST_NOTICE_YEAR, LAST_NOTICE_YEAR } from '#domain/calendar/index.js';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { ConfigurationCache } from '#infra/configuration/configuration-cache.js';
import { ConfigurationRoute } from '../../openapi/command-route.decorator.js';
import { ApiProblems, COMMON_PROBLEMS, documentedProblems } from '../../openapi/problem-responses.js';
import { ProblemException, problems } from '../../problem/problem-details.js';
import { CalendarYearView } from './calendar-year.view.js';
import { PublishCalendarYearCommand } from './publish-calendar-year.command.js';
import { PublishCalendarYearDto } from './publish-calendar-year.dto.js';

function parseYear(text: string): number {
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= FIRST_NOTICE_YEAR && year <= LAST_NOTICE_YEAR))
    throw new ProblemException(
      problems.validation(`The year is a number from ${FIRST_NOTICE_YEAR} to ${LAST_NOTICE_YEAR}.`, [
        { field: 'year', message: `must be from ${FIRST_NOTICE_YEAR} to ${LAST_NOTICE_YEAR}` },
      ]),
    );
  return year;
}

@ApiTags('administration')
@Controller('admin/calendar')
export class CalendarController {
  constructor(
    private readonly commands: CommandBus,
    private readonly configuration: ConfigurationCache,
  ) {}

  @ConfigurationRoute(':year', {
    summary: "Publish a year's holiday notice (T2)",
    roles: 'admin',
    problems: [
      ...documentedProblems(400, [
        [
          'T2_DATE_INVALID',
          'The holiday notice for 2027 is invalid (T2): not a YYYY-MM-DD date: 2027-02-30.',
        ],
      ]),
      ...documentedProblems(422, [
        [
          'T2_WORKDAY_NOT_WEEKEND',
          'The holiday notice for 2027 is invalid (T2): 2027-02-10 is a weekday; only weekend days can be adjusted working days.',
        ],
        ['T2_DAY_BOTH_HOLIDAY_AND_WORKDAY', '2027-02-07 is listed both as a holiday and as a working day.'],
      ]),
    ],
  })
  async publish(
    @Param('year') yearText: string,
    @Body() body: PublishCalendarYearDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    const year = parseYear(yearText);
    return call.configured(
      this.commands.execute(
        new PublishCalendarYearCommand(year, body, call.metadata('PublishCalendarYear', body)),
      ),
    );
  }

  @Get(':year')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Whether a year is covered by the calendar, and its holidays (T2)',
    description: 'Roles: any staff.',
  })
  @ApiOkResponse({ type: CalendarYearView })
  @ApiProblems(COMMON_PROBLEMS)
  read(@Param('year') yearText: string): CalendarYearView {
    const year = parseYear(yearText);
    const notice = this.configuration.calendar().yearNotice(year);
    return {
      year,
      covered: notice !== undefined,
      source: notice?.source ?? null,
      holidays: [...(notice?.holidays ?? [])],
      workdays: [...(notice?.workdays ?? [])],
    };
  }
}
