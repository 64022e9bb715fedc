/**
 * GET /views/evaluations (P7): the 好差评 rates of a department, a window or the center over a
 * period of days. Supervisors read their center's, auditors all. The figures are the domain's
 * (`evaluationRates`); this file only gathers the documents (period-reads.ts).
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import {
  dayFromYearMonthDay,
  dayOf,
  startOfDay,
  toLocalDate,
  yearMonthDayOf,
} from '#domain/calendar/index.js';
import { evaluationRates } from '#domain/statistics/evaluation-rates.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { invalidParameter } from '../view-problems.js';
import { optionalDate, optionalPosition } from '../view-query-parameters.js';
import { EvaluationRatesView } from './evaluation-view-models.js';
import { casesOfPeriod, evaluated, evaluationScope } from './period-reads.js';
import { SCOPE_QUERY, ViewRoute, askedScope } from '../view-list-parameters.js';

export { EvaluationRatesView, RankingRowView, RankingsView } from './evaluation-view-models.js';

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class EvaluationsViewController {
  constructor(private readonly positions: ReadModelPositions) {}

  @Get('evaluations')
  @ApiOperation({
    summary: 'The 好差评 rates (P7) of a department, a window or the center',
    description: 'Roles: supervisor, auditor. `from`, `to`: dates, both included; default the current month.',
  })
  @ViewRoute(EvaluationRatesView, [
    SCOPE_QUERY.departmentId,
    SCOPE_QUERY.windowId,
    { name: 'from', example: '2026-11-01' },
    { name: 'to', example: '2026-11-30' },
  ])
  async evaluations(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationRatesView> {
    const scope = evaluationScope(actor, askedScope(query, ['departmentId', 'windowId']));
    const today = dayOf(this.positions.now());
    const { year, month } = yearMonthDayOf(today);
    const from = optionalDate('from', query.from) ?? dayFromYearMonthDay(year, month, 1);
    const to = optionalDate('to', query.to) ?? today;
    if (to < from) throw invalidParameter('to', 'must not be before from');
    await this.positions.waitFor(optionalPosition(query.minPosition), ['case-evaluations']);
    const [start, end] = [startOfDay(from), startOfDay(to + 1)];
    const docs = await casesOfPeriod(this.positions.db(), scope, start, end);
    const rates = evaluationRates(docs.map(evaluated), start, end);
    return {
      departmentId: scope.departmentId ?? null,
      windowId: scope.windowId ?? null,
      from: toLocalDate(from),
      to: toLocalDate(to),
      ...rates,
    };
  }
}
