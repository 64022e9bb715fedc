/**
 * GET /views/statistics?departmentId=&windowId=&from=&to= (API.md "Queries", S1): the figures of a
 * department, a window, both or the whole center for the days from `from` to `to` (time filters
 * as on every route: dates, both included, or instants, `to` exclusive; the figures are per day,
 * so an instant counts its whole day). Without them: the current month up to today, and the answer
 * always states the period it covers (`from`, `to`). At most 366 days. Supervisors and auditors.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { dayOf, toLocalDate } from '#domain/calendar/index.js';
import { runLimited } from '#infra/read-store/guarded-writes.js';
import {
  statisticsDayId,
  type StatisticsDayDocument,
  type StatisticsScope,
} from '#infra/read-store/documents/statistics-documents.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { OpenCaseViews } from '../overdue/open-case-views.js';
import { caseScopeFilter } from '../read-scope/case-scope-filter.js';
import { countOverdue } from '../overdue/overdue-cases.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { optionalInstant, optionalInstantBefore, optionalPosition } from '../view-query-parameters.js';
import { scopedFilters } from '../view-scope.js';
import { ServiceStatisticsView } from './service-statistics.view.js';
import { figuresOf, sumCounters } from './statistics-totals.js';
import { ViewRoute, askedScope } from '../view-list-parameters.js';
import { daysOfPeriod, scopedPeriodQueries } from '../days-of-period.js';

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class StatisticsController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly views: OpenCaseViews,
  ) {}

  @Get('statistics')
  @ApiOperation({
    summary: 'Service statistics (S1) of a department, a window or the center, over days',
    description:
      'Roles: supervisor, auditor. `from` and `to` are dates (YYYY-MM-DD, Asia/Shanghai, both included) or instants ' +
      '(`to` exclusive; the figures are kept per day, so an instant counts its whole day). Without `from`: the first ' +
      'day of the current month; without `to`: today. The answer states the days it covers in `from` and `to`.',
  })
  @ViewRoute(ServiceStatisticsView, scopedPeriodQueries({ from: '2026-03-01', to: '2026-03-31' }))
  async statistics(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceStatisticsView> {
    const scope = scopedFilters(actor, askedScope(query, ['departmentId', 'windowId']), 'statistics');
    const fromAt = optionalInstant('from', query.from);
    const toAt = optionalInstantBefore('to', query.to);
    const { from, to } = daysOfPeriod(this.positions.now(), {
      from: fromAt === undefined ? undefined : dayOf(fromAt),
      to: toAt === undefined ? undefined : dayOf(toAt - 1),
    });
    await this.positions.waitFor(optionalPosition(query.minPosition), ['statistics', 'case-views']);

    const departmentId = scope.departmentId ?? null;
    const windowId = scope.windowId ?? null;
    const kind: StatisticsScope =
      departmentId !== null && windowId !== null
        ? 'pair'
        : departmentId !== null
          ? 'department'
          : windowId !== null
            ? 'window'
            : 'all';
    const days = this.positions.db().collection<StatisticsDayDocument>(READ_MODELS.statistics);
    const found: StatisticsDayDocument[] = [];
    // One lookup by _id a day: FerretDB 1.x pushes only `_id` equality down (scripts/ensure-ferretdb.sh).
    await runLimited(
      Array.from({ length: to - from + 1 }, (_, i) => async () => {
        const doc = await days.findOne({
          _id: statisticsDayId(kind, departmentId, windowId, toLocalDate(from + i), scope.centerId ?? null),
        });
        if (doc) found.push(doc);
      }),
      16,
    );
    found.sort((a, b) => (a.day < b.day ? -1 : 1));
    const readable = caseScopeFilter(actor);
    const configuration = await this.positions.configuration('case-views');
    const now = this.positions.now();
    const overdueNow =
      readable.sees === 'nothing'
        ? 0
        : await countOverdue(
            this.views.passedDeadlines({
              filter: {
                ...readable.sees,
                ...(scope.departmentId && { departmentId: scope.departmentId }),
                ...(scope.windowId && { windowId: scope.windowId }),
              },
              before: now,
            }),
            configuration,
            now,
          );
    return {
      departmentId,
      windowId,
      from: toLocalDate(from),
      to: toLocalDate(to),
      ...figuresOf(sumCounters(found), overdueNow),
      days: found.map((d) => ({ day: d.day, ...figuresOf(d, 0) })),
    };
  }
}
