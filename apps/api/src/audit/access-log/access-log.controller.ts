/**
 * GET /audit/access-log (U6; auditor): who read unmasked personal data, which case, when, through
 * which route. Filters actorId, caseId, from, to (an instant with offset, or a date: the whole day
 * in Asia/Shanghai); default the last 30 days, at most 366. Oldest first, paged as API.md "Lists".
 * Readings still queued in this process are stored first, so a reading just made is listed.
 */
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Actor } from '#domain/actor/actor.js';
import { MS_PER_DAY } from '#domain/calendar/index.js';
import type { Clock } from '#infra/clock/clock.js';
import type { EventStore } from '#infra/event-store/event-store.port.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import { readPageRequest } from '../../cases/queries/list-page.js';
import { ApiProblems, COMMON_PROBLEMS } from '../../openapi/problem-responses.js';
import { MAX_PERIOD_DAYS } from '../../views/days-of-period.js';
import { invalidParameter } from '../../views/view-problems.js';
import { CLOCK, EVENT_STORE } from '../../runtime/runtime-tokens.js';
import { cursorPage } from '../../views/cursor-pages.js';
import { decodeCursor, encodeCursor, optionalId, timeRange } from '../../views/view-query-parameters.js';
import { AccessLogWriter } from './access-log.writer.js';
import { PERSONAL_DATA_READ, accessLogStreams, type PersonalDataReadData } from './personal-data-read.js';
import { assertReads } from '../../auth/assert-reads.js';

const DEFAULT_DAYS = 30;

class AccessLogReaderSchema {
  @ApiProperty({ example: 'u-auditor' }) id!: string;
  @ApiProperty({ example: '纪检孙丽' }) name!: string;
  @ApiProperty({ example: 'auditor' }) role!: string;
}

class AccessLogEntrySchema {
  @ApiProperty({ format: 'uuid' }) readId!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000+08:00' }) readAt!: string;
  @ApiProperty({ type: AccessLogReaderSchema }) reader!: AccessLogReaderSchema;
  @ApiProperty({ example: 'c-5b1f3c1e' }) caseId!: string;
  @ApiProperty({ example: 'GET /cases/{id}/dossier' }) route!: string;
  @ApiProperty({ enum: ['json', 'csv', 'html'] }) format!: string;
}

class AccessLogPageSchema {
  @ApiProperty({ type: [AccessLogEntrySchema] }) items!: AccessLogEntrySchema[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/access-log')
export class AccessLogController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly writer: AccessLogWriter,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Who read unmasked personal data (U6)',
    description:
      'Roles: auditor. Every auditor’s GET /cases/{id}, /events (and CSV), /state and /dossier is recorded. ' +
      `from/to default to the last ${DEFAULT_DAYS} days; at most ${MAX_PERIOD_DAYS} days. Oldest first.`,
  })
  @ApiQuery({ name: 'actorId', required: false, example: 'u-auditor' })
  @ApiQuery({ name: 'caseId', required: false, example: 'c-5b1f3c1e' })
  @ApiQuery({ name: 'from', required: false, example: '2026-03-01' })
  @ApiQuery({ name: 'to', required: false, example: '2026-03-31T23:59:59%2B08:00' })
  @ApiQuery({ name: 'limit', required: false, example: 50 })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: AccessLogPageSchema })
  @ApiProblems(COMMON_PROBLEMS, [])
  async list(
    @Query('actorId') actorIdText: unknown,
    @Query('caseId') caseIdText: unknown,
    @Query('from') fromText: unknown,
    @Query('to') toText: unknown,
    @Query('limit') limitText: unknown,
    @Query('cursor') cursorText: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<AccessLogPageSchema> {
    assertReads(actor, 'accessLog');
    const actorId = optionalId('actorId', actorIdText);
    const caseId = optionalId('caseId', caseIdText);
    const { limit } = readPageRequest(limitText, undefined);
    const after = decodeCursor(cursorText, ['string', 'number']);
    // The time filters of every list (timeRange): `to` exclusive, a date as `to` its whole day.
    const asked = timeRange({ from: fromText, to: toText });
    const to = asked.to ?? this.clock.now() + 1;
    const from = asked.from ?? to - DEFAULT_DAYS * MS_PER_DAY;
    if (to <= from) throw invalidParameter('to', 'must be after from');
    if (to - from > MAX_PERIOD_DAYS * MS_PER_DAY)
      throw invalidParameter('to', `must be at most ${MAX_PERIOD_DAYS} days after from`);
    await this.writer.flush();
    const items: (AccessLogEntrySchema & { key: [string, number] })[] = [];
    for (const stream of accessLogStreams(from, to - 1)) {
      if (after !== undefined && stream < String(after[0])) continue;
      for (const event of await this.store.readStream(stream)) {
        if (after !== undefined && stream === after[0] && event.revision <= Number(after[1])) continue;
        const at = Date.parse(event.occurredAt);
        const data = event.data as Partial<PersonalDataReadData>;
        if (event.type !== PERSONAL_DATA_READ || at < from || at >= to) continue;
        if (actorId !== undefined && event.actor.id !== actorId) continue;
        if (caseId !== undefined && data.caseId !== caseId) continue;
        items.push({
          key: [stream, event.revision],
          readId: event.eventId,
          readAt: event.occurredAt,
          reader: { id: event.actor.id, name: event.actor.name, role: event.actor.role },
          caseId: String(data.caseId),
          route: String(data.route),
          format: String(data.format),
        });
        if (items.length > limit) break;
      }
      if (items.length > limit) break;
    }
    return cursorPage(
      items,
      limit,
      (last) => encodeCursor(last.key),
      ({ key: _key, ...entry }) => entry,
    );
  }
}
