/**
 * GET /views/accountability?windowId=&quarter= (API.md "Queries", A1, A2): the window's ledger for
 * the quarter (default the current one), computed by the domain's `windowLedger` from the
 * violations the projector attributed to that window and quarter (one indexed query over
 * `accountability_violations`: window-violations.ts). Supervisors and auditors.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { quarterOf, windowLedger } from '#domain/accountability/window-ledger.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { invalidParameter } from '../view-problems.js';
import { optionalId, optionalPosition } from '../view-query-parameters.js';
import { CaseScope } from '../case-scope.js';
import { listScope } from '../view-scope.js';
import { WindowLedgerView } from './window-ledger.view.js';
import { windowViolationsInScope } from './window-violations.js';
import { ViewRoute } from '../view-list-parameters.js';

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class AccountabilityController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly caseScope: CaseScope,
  ) {}

  @Get('accountability')
  @ApiOperation({
    summary:
      'A window’s quarterly accountability ledger (责任追究): score and every deduction with its evidence',
    description: 'Roles: supervisor, auditor. Each window starts each quarter at 100 points (A2).',
  })
  @ViewRoute(WindowLedgerView, [
    { name: 'windowId', required: true, example: 'win-3' },
    { name: 'quarter', example: '2025Q4', description: 'Default: the current quarter' },
  ])
  async ledger(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<WindowLedgerView> {
    const scope = listScope(actor, 'accountability');
    const windowId = optionalId('windowId', query.windowId);
    if (windowId === undefined) throw invalidParameter('windowId', 'is required');
    if (
      query.quarter !== undefined &&
      (typeof query.quarter !== 'string' || !/^\d{4}Q[1-4]$/.test(query.quarter))
    )
      throw invalidParameter('quarter', 'must be a quarter like 2025Q4');
    const quarter = (query.quarter as string | undefined) ?? quarterOf(toShanghaiIso(this.positions.now()));
    await this.positions.waitFor(optionalPosition(query.minPosition), ['accountability']);
    // R1: a window's ledger holds the violations of the cases in the reader's scope only.
    const violations = await windowViolationsInScope(
      this.positions.db(),
      this.caseScope,
      scope,
      windowId,
      quarter,
    );
    const ledger = windowLedger(violations, windowId, quarter);
    return { ...ledger, violations: ledger.violations.map((v) => ({ ...v, evidence: [...v.evidence] })) };
  }
}
