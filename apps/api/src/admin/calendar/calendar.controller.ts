import { Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, COMMON_PROBLEMS } from '../../openapi/problem-responses.js';
import { adminCommandController, ConfigurationReads } from '../admin-command.controller.js';
import { PUBLISH_CALENDAR_YEAR } from '../admin-commands.js';
import { CalendarYearView } from './calendar-year.view.js';
import { parseYear } from './year-param.js';

/** GET /admin/calendar/{year}: the calendar as configured. */
class CalendarReads extends ConfigurationReads {
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

/** PUT /admin/calendar/{year} (T2), a row of the admin-command table, and the GET of the same year. */
export const CalendarController = adminCommandController(
  'CalendarController',
  'admin/calendar',
  [PUBLISH_CALENDAR_YEAR],
  CalendarReads,
);
