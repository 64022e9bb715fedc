/**
 * GET /views/evaluations (P7 rates) and GET /views/rankings (departments or windows of a month or
 * quarter, ordered by on-time rate, satisfaction, substantiated complaints, violations and ledger
 * score). Supervisors read their center's, auditors all. The figures are the domain's
 * (`evaluationRates`, `rankRows`, `windowLedger`); this file only gathers the documents.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { windowLedger } from '#domain/accountability/window-ledger.js';
import {
  dayFromYearMonthDay,
  dayOf,
  parseInstant,
  startOfDay,
  toLocalDate,
  yearMonthDayOf,
} from '#domain/calendar/index.js';
import { evaluationRates, type EvaluationRates } from '#domain/statistics/evaluation-rates.js';
import { rankRows, type RankedRow } from '#domain/statistics/rankings.js';
import {
  windowQuarterId,
  type WindowQuarterDocument,
} from '#infra/read-store/documents/accountability-documents.js';
import {
  CASE_EVALUATIONS,
  type CaseEvaluationsDocument,
} from '#infra/read-store/documents/case-evaluations-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ApiProblems, COMMON_PROBLEMS } from '../../openapi/problem-responses.js';
import { ProblemException } from '../../problem/problem-details.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { invalidParameter, VIEW_PROBLEMS, viewProblems } from '../view-problems.js';
import { optionalDate, optionalEnum, optionalId, optionalPosition } from '../view-query-parameters.js';
import { scopedFilters, type ScopeFilters } from '../view-scope.js';

export class EvaluationRatesView implements EvaluationRates {
  @ApiProperty({ example: 'dept-market', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ example: 'win-3', nullable: true, type: String }) windowId!: string | null;
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ example: 40 }) ratings!: number;
  @ApiProperty({ description: 'Taken out by upheld appeals (P6), still on the record', example: 1 })
  excludedByAppeal!: number;
  @ApiProperty({ example: 2 }) badReviews!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Scores 4–5 of all', example: 0.9 })
  satisfaction!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Scores 3–5 of all', example: 0.95 })
  basicSatisfaction!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) rectificationRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) callbackRate!: number | null;
  @ApiProperty({ example: 50 }) completedCases!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.8 }) ratingsPerCompletedCase!: number | null;
}

export class RankingRowView {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ description: 'The department or window', example: 'win-3' }) key!: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.96 }) onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.9 }) satisfaction!: number | null;
  @ApiProperty({ example: 0 }) substantiatedComplaints!: number;
  @ApiProperty({ example: 1 }) violations!: number;
  @ApiProperty({ example: 98 }) ledgerScore!: number;
}

export class RankingsView {
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ enum: ['department', 'window'] }) by!: string;
  @ApiProperty({ type: [RankingRowView] }) rows!: RankingRowView[];
}

/** `2026-11` or `2026Q4` → [from, to) and the quarters it touches. */
function periodOf(value: unknown): { from: number; to: number; quarters: string[] } {
  const text = typeof value === 'string' ? value : '';
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  const quarter = /^(\d{4})Q([1-4])$/.exec(text);
  if (!month && !quarter) throw invalidParameter('period', 'must be a month 2026-11 or a quarter 2026Q4');
  const year = Number((month ?? quarter)![1]);
  const first = month ? Number(month[2]) : (Number(quarter![2]) - 1) * 3 + 1;
  const months = month ? 1 : 3;
  const at = (y: number, m: number): number =>
    parseInstant(`${y}-${String(m).padStart(2, '0')}-01T00:00:00+08:00`);
  const endMonth = first + months;
  return {
    from: at(year, first),
    to: endMonth > 12 ? at(year + 1, endMonth - 12) : at(year, endMonth),
    quarters: [`${year}Q${Math.ceil(first / 3)}`],
  };
}

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class EvaluationsViewController {
  constructor(private readonly positions: ReadModelPositions) {}

  private scope(actor: Actor, asked: ScopeFilters): ScopeFilters {
    const scope = scopedFilters(actor, asked, ['auditor', 'supervisor']);
    if (actor.role === 'supervisor' && scope.centerId === undefined)
      throw new ProblemException(viewProblems.outOfScope('Your token names no center to read.'));
    return scope;
  }

  private cases(scope: ScopeFilters): Promise<CaseEvaluationsDocument[]> {
    const filter: Filter<CaseEvaluationsDocument> = {
      ...(scope.centerId !== undefined && { centerId: scope.centerId }),
      ...(scope.departmentId !== undefined && { departmentId: scope.departmentId }),
      ...(scope.windowId !== undefined && { windowId: scope.windowId }),
    };
    return this.positions.db().collection<CaseEvaluationsDocument>(CASE_EVALUATIONS).find(filter).toArray();
  }

  @Get('evaluations')
  @ApiOperation({
    summary: 'The 好差评 rates (P7) of a department, a window or the center',
    description: 'Roles: supervisor, auditor. `from`, `to`: dates, both included; default the current month.',
  })
  @ApiQuery({ name: 'departmentId', required: false, example: 'dept-market' })
  @ApiQuery({ name: 'windowId', required: false, example: 'win-3' })
  @ApiQuery({ name: 'from', required: false, example: '2026-11-01' })
  @ApiQuery({ name: 'to', required: false, example: '2026-11-30' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: EvaluationRatesView })
  @ApiProblems(COMMON_PROBLEMS, VIEW_PROBLEMS)
  async evaluations(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<EvaluationRatesView> {
    const scope = this.scope(actor, {
      departmentId: optionalId('departmentId', query.departmentId),
      windowId: optionalId('windowId', query.windowId),
    });
    const today = dayOf(this.positions.now());
    const { year, month } = yearMonthDayOf(today);
    const from = optionalDate('from', query.from) ?? dayFromYearMonthDay(year, month, 1);
    const to = optionalDate('to', query.to) ?? today;
    if (to < from) throw invalidParameter('to', 'must not be before from');
    await this.positions.waitFor(optionalPosition(query.minPosition), ['case-evaluations']);
    const docs = await this.cases(scope);
    const rates = evaluationRates(docs.map(evaluated), startOfDay(from), startOfDay(to + 1));
    return {
      departmentId: scope.departmentId ?? null,
      windowId: scope.windowId ?? null,
      from: toLocalDate(from),
      to: toLocalDate(to),
      ...rates,
    };
  }

  @Get('rankings')
  @ApiOperation({
    summary: 'Departments or windows of a month or quarter, best first (S1, P7, A2)',
    description: 'Roles: supervisor, auditor.',
  })
  @ApiQuery({ name: 'period', required: true, example: '2026-11' })
  @ApiQuery({ name: 'by', required: false, enum: ['department', 'window'] })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: RankingsView })
  @ApiProblems(COMMON_PROBLEMS, VIEW_PROBLEMS)
  async rankings(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<RankingsView> {
    const scope = this.scope(actor, {});
    const period = periodOf(query.period);
    const by = optionalEnum('by', query.by, ['department', 'window'] as const) ?? 'window';
    await this.positions.waitFor(optionalPosition(query.minPosition), ['case-evaluations', 'accountability']);
    const docs = await this.cases(scope);
    const groups = new Map<string, { cases: CaseEvaluationsDocument[]; windows: Set<string> }>();
    for (const d of docs) {
      const key = by === 'window' ? d.windowId : d.departmentId;
      if (key === null) continue;
      const g = groups.get(key) ?? { cases: [], windows: new Set<string>() };
      g.cases.push(d);
      if (d.windowId !== null) g.windows.add(d.windowId);
      groups.set(key, g);
    }
    const ledgers = this.positions.db().collection<WindowQuarterDocument>(READ_MODELS.accountability);
    const quarter = period.quarters[0]!;
    const rows = [];
    for (const [key, g] of groups) {
      const decided = g.cases.filter(
        (c) => c.completedAt !== null && c.completedAt >= period.from && c.completedAt < period.to,
      );
      const rates = evaluationRates(g.cases.map(evaluated), period.from, period.to);
      let violations = 0,
        substantiated = 0,
        score = 0;
      for (const windowId of g.windows) {
        const doc = await ledgers.findOne({ _id: windowQuarterId(windowId, quarter) });
        const ledger = windowLedger(doc?.violations ?? [], windowId, quarter);
        const inPeriod = ledger.violations.filter((v) => {
          const t = parseInstant(v.detectedAt);
          return t >= period.from && t < period.to;
        });
        violations += inPeriod.length;
        substantiated += inPeriod.filter((v) => v.code === 'COMPLAINT_SUBSTANTIATED').length;
        score += ledger.score;
      }
      rows.push({
        key,
        onTimeRate:
          decided.length === 0 ? null : decided.filter((c) => c.onTime === true).length / decided.length,
        satisfaction: rates.satisfaction,
        substantiatedComplaints: substantiated,
        violations,
        ledgerScore: g.windows.size === 0 ? 100 : score / g.windows.size,
      });
    }
    const ranked: RankedRow[] = rankRows(rows);
    return { period: String(query.period), by, rows: ranked };
  }
}

function evaluated(d: CaseEvaluationsDocument) {
  return {
    ...(d.completedAt !== null && { completedAt: d.completedAt }),
    evaluations: d.evaluations,
  };
}
