/**
 * GET /views/cards (API.md "Queries"): warnings, yellow and red cards, newest first; filters level,
 * departmentId, windowId, from, to (issue time), explained; cursor pages. Supervisors and auditors.
 */
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import type { CardDocument } from '#infra/read-store/documents/card-document.js';
import { READ_MODELS } from '#infra/read-store/read-model-collections.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { ReadModelPositions } from '../read-model-positions.js';
import { PAGE_QUERY, SCOPE_QUERY, ViewRoute, askedScope, pageLimit } from '../view-list-parameters.js';
import {
  decodeCursor,
  encodeCursor,
  optionalBoolean,
  optionalEnum,
  optionalPosition,
  timeRange,
} from '../view-query-parameters.js';
import { CaseScope } from '../case-scope.js';
import { cursorPage } from '../cursor-pages.js';
import { listScope, scopedFilters } from '../view-scope.js';
import { CardsPage } from './card.view.js';

/**
 * What a page reads of a card: what it shows and the keyset's (issuedAtMs, _id); not the write
 * guard. Typed over the document, so a field added to cards is read only once it is named here.
 */
const CARD_LIST_PROJECTION: Readonly<Record<Exclude<keyof CardDocument, '_position'>, 1>> = {
  _id: 1,
  cardId: 1,
  caseId: 1,
  level: 1,
  cause: 1,
  issuedAt: 1,
  issuedAtMs: 1,
  deadline: 1,
  departmentId: 1,
  windowId: 1,
  policyVersion: 1,
  remainingMinutes: 1,
  explanationDueAt: 1,
  explained: 1,
  explanation: 1,
  revoked: 1,
  revocation: 1,
  position: 1,
};

@ApiTags('views')
@ApiBearerAuth()
@Controller('views')
export class CardsController {
  constructor(
    private readonly positions: ReadModelPositions,
    private readonly caseScope: CaseScope,
  ) {}

  @Get('cards')
  @ApiOperation({
    summary: 'Warnings and yellow and red cards (预警、黄牌、红牌), newest first',
    description:
      'Roles: supervisor, auditor. `from`/`to`: issue time, instants (from inclusive, to exclusive) or dates ' +
      '(YYYY-MM-DD, Asia/Shanghai, the whole day included), as on every route.',
  })
  @ViewRoute(CardsPage, [
    { name: 'level', enum: ['warning', 'yellow', 'red'] },
    SCOPE_QUERY.departmentId,
    SCOPE_QUERY.windowId,
    { name: 'from', example: '2026-03-01T00:00:00+08:00' },
    { name: 'to', example: '2026-04-01T00:00:00+08:00' },
    { name: 'explained', enum: ['true', 'false'] },
    ...PAGE_QUERY,
  ])
  async cards(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<CardsPage> {
    const readScope = listScope(actor, 'cards');
    const scope = scopedFilters(actor, askedScope(query, ['departmentId', 'windowId']), 'cards');
    const level = optionalEnum('level', query.level, ['warning', 'yellow', 'red'] as const);
    const { from, to } = timeRange(query);
    const explained = optionalBoolean('explained', query.explained);
    const limit = pageLimit(query.limit);
    let after = decodeCursor(query.cursor, ['number', 'string']);
    await this.positions.waitFor(optionalPosition(query.minPosition), ['cards']);

    const filterAfter = (after: (string | number)[] | undefined): Filter<CardDocument> => ({
      ...(scope.departmentId !== undefined && { departmentId: scope.departmentId }),
      ...(scope.windowId !== undefined && { windowId: scope.windowId }),
      ...(level !== undefined && { level }),
      ...(explained !== undefined && { explained }),
      ...((from !== undefined || to !== undefined) && {
        issuedAtMs: { ...(from !== undefined && { $gte: from }), ...(to !== undefined && { $lt: to }) },
      }),
      ...(after !== undefined && {
        $or: [
          { issuedAtMs: { $lt: after[0] as number } },
          { issuedAtMs: after[0] as number, _id: { $lt: after[1] as string } },
        ],
      }),
    });
    // R1: cards name their department, not their center; the cases outside the reader's scope
    // are left out, reading on until the page is full.
    const docs: CardDocument[] = [];
    for (;;) {
      const batch = await this.positions
        .db()
        .collection<CardDocument>(READ_MODELS.cards)
        .find(filterAfter(after), { projection: CARD_LIST_PROJECTION })
        .sort({ issuedAtMs: -1, _id: -1 })
        .limit(limit + 1)
        .toArray();
      docs.push(...(await this.caseScope.keep(readScope, batch)));
      const last = batch[batch.length - 1];
      if (docs.length > limit || batch.length <= limit || !last) break;
      after = [last.issuedAtMs, last._id];
    }
    const { items, nextCursor } = cursorPage(
      docs,
      limit,
      (last) => encodeCursor([Date.parse(last.issuedAt), last._id]),
      ({ _id: _ignored, issuedAtMs: _ms, ...card }) => card,
    );
    return { items: items as CardsPage['items'], nextCursor };
  }
}
