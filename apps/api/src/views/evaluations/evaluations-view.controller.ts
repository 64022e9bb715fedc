/**
 * GET /views/evaluations (P7): the 好差评 rates of a department, a window or the center over a
 * period of days. Supervisors read their center's, auditors all. The figures are the domain's
 * (`evaluationRates`); this file only gathers the documents (period-reads.ts).
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { startOfDay, toLocalDate } from '#domain/calendar/index.js';
import { evaluationRates } from '#domain/statistics/evaluation-rates.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { daysOfPeriod, scopedPeriodQueries } from '../days-of-period.js';
import { optionalDate, optionalPosition } from '../view-query-parameters.js';
import { EvaluationRatesView } from './evaluation-view-models.js';
import { casesOfPeriod, evaluated, evaluationScope } from './period-reads.js';
import { ViewRoute, askedScope } from '../view-list-parameters.js';

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
  @ViewRoute(EvaluationRatesView, scopedPeriodQueries({ from: '2026-11-01', to: '2026-11-30' }))
  async evaluations(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationRatesView> {
    const scope = evaluationScope(actor, askedScope(query, ['departmentId', 'windowId']), 'evaluations');
    const { from, to } = daysOfPeriod(this.positions.now(), {
      from: optionalDate('from', query.from),
      to: optionalDate('to', query.to),
    });
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
