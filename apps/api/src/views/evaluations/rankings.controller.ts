/**
 * GET /views/rankings (S1, P7, A2): the departments or windows of a month or quarter, best first,
 * by on-time rate, satisfaction, substantiated complaints, violations and ledger score. The rows
 * are those with cases in the period, and those whose window a complaint without a case,
 * substantiated in the period, counts against (P3: as a case complaint counts, through the window's
 * ledger). Supervisors read their center's, auditors all. The figures are the domain's
 * (`evaluationRates`, `rankRows`, `windowLedger`); this file only gathers the documents, every read
 * bounded by the period on an indexed field.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Db } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { windowLedger } from '#domain/accountability/window-ledger.js';
import { parseInstant } from '#domain/calendar/index.js';
import { evaluationRates } from '#domain/statistics/evaluation-rates.js';
import { rankRows } from '#domain/statistics/rankings.js';
import type { CaseEvaluationsDocument } from '#infra/read-store/documents/case-evaluations-document.js';
import {
  COMPLAINT_VIEWS,
  type ComplaintViewDocument,
} from '#infra/read-store/documents/complaint-view-document.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { violationsOfWindows } from '../accountability/window-violations.js';
import { CaseScope } from '../case-scope.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { ViewRoute } from '../view-list-parameters.js';
import { optionalEnum, optionalPosition } from '../view-query-parameters.js';
import { listScope, type ScopeFilters } from '../view-scope.js';
import { RankingsView } from './evaluation-view-models.js';
import { casesOfPeriod, evaluated, evaluationScope, periodOf } from './period-reads.js';

type Period = ReturnType<typeof periodOf>;
interface Group {
  readonly cases: CaseEvaluationsDocument[];
  readonly windows: Set<string>;
}

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class RankingsController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly caseScope: CaseScope,
  ) {}

  @Get('rankings')
  @ApiOperation({
    summary: 'Departments or windows of a month or quarter, best first (S1, P7, A2)',
    description:
      'Roles: supervisor, auditor. Substantiated complaints count against the window, with a case or without one (P3).',
  })
  @ViewRoute(RankingsView, [
    { name: 'period', required: true, example: '2026-11' },
    { name: 'by', enum: ['department', 'window'] },
  ])
  async rankings(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<RankingsView> {
    const scope = evaluationScope(actor, {}, 'rankings');
    const period = periodOf(query.period);
    const by = optionalEnum('by', query.by, ['department', 'window'] as const) ?? 'window';
    await this.positions.waitFor(optionalPosition(query.minPosition), [
      'case-evaluations',
      'accountability',
      'complaints',
    ]);
    const db = this.positions.db();
    const groups = new Map<string, Group>();
    const groupOf = (key: string): Group => {
      const g = groups.get(key) ?? { cases: [], windows: new Set<string>() };
      groups.set(key, g);
      return g;
    };
    for (const d of await casesOfPeriod(db, scope, period.from, period.to)) {
      const key = by === 'window' ? d.windowId : d.departmentId;
      if (key === null) continue;
      const g = groupOf(key);
      g.cases.push(d);
      if (d.windowId !== null) g.windows.add(d.windowId);
    }
    for (const c of await substantiatedWithoutCase(db, scope, period)) {
      const key = by === 'window' ? c.windowId : c.departmentId;
      if (key === undefined || c.windowId === undefined) continue;
      groupOf(key).windows.add(c.windowId);
    }
    // A2: the violations of every window ranked, in one indexed query (window-violations.ts); R1:
    // only those of the reader's scope (window ids repeat from center to center).
    const ofWindow = await violationsOfWindows(
      db,
      this.caseScope,
      listScope(actor, 'rankings'),
      [...new Set([...groups.values()].flatMap((g) => [...g.windows]))],
      period.quarter,
    );
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
        const ledger = windowLedger(ofWindow.get(windowId) ?? [], windowId, period.quarter);
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
    return { period: String(query.period), by, rows: rankRows(rows) };
  }
}

/** P3: the complaints without a case of the reader's scope concluded substantiated in the period. */
function substantiatedWithoutCase(
  db: Db,
  scope: ScopeFilters,
  period: Period,
): Promise<Pick<ComplaintViewDocument, 'windowId' | 'departmentId'>[]> {
  return db
    .collection<ComplaintViewDocument>(COMPLAINT_VIEWS)
    .find(
      {
        ...(scope.centerId !== undefined && { centerId: scope.centerId }),
        concludedAtMs: { $gte: period.from, $lt: period.to },
        caseId: null,
        substantiated: true,
      },
      { projection: { _id: 0, windowId: 1, departmentId: 1 } },
    )
    .toArray();
}
