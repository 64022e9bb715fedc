/**
 * GET /alerts/stream (API.md "Queries"; DESIGN.md "HTTP API"): server-sent events of each new
 * warning and card in the caller's scope. `id:` is the event's global position, `event:` its type,
 * `data:` a small JSON (alert-message.ts). A comment line every 15 s keeps idle connections open;
 * a client reconnecting with `Last-Event-ID` (or `?lastEventId=`) resumes right after that position.
 */
import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Logger } from 'pino';
import { endWith, ignoreElements, interval, map, merge, share, takeUntil } from 'rxjs';
import type { Actor } from '#domain/actor/actor.js';
import { isPosition } from '#infra/event-store/event-store.port.js';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import { ApiProblems, COMMON_PROBLEMS } from '../openapi/problem-responses.js';
import { ProblemException, problems } from '../problem/problem-details.js';
import { LOGGER } from '../runtime/runtime-tokens.js';
import { AlertFeed } from './alert-feed.js';
import { ALERT_HEARTBEAT_MS } from './alert-heartbeat.js';
import { alertFrame, AlertMessage } from './alert-message.js';

const EXAMPLE_FRAME =
  'id: 00000000000000000750:00000000000000000012\nevent: YellowCardIssued\ndata: {"type":"YellowCardIssued","caseId":"5b1f3c1e-…","cardId":"yellow-202603091730","level":"yellow","deadline":"2026-03-09T17:30:00+08:00","cause":"timeliness","issuedAt":"2026-03-09T17:31:00.000+08:00","departmentId":"dept-market","windowId":"win-3","position":"00000000000000000750:00000000000000000012"}\n\n: heartbeat\n\n';

@ApiTags('alerts')
@ApiBearerAuth()
@ApiExtraModels(AlertMessage)
@Controller('alerts')
export class AlertsController {
  constructor(
    private readonly feed: AlertFeed,
    @Inject(ALERT_HEARTBEAT_MS) private readonly heartbeatMs: number,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  @Get('stream')
  @ApiOperation({
    summary: 'Server-sent events: each new warning and card in your scope (C1–C3)',
    description:
      'Roles: supervisor (own center), window (own department), auditor (all). `id:` is the global position, `event:` the event type ' +
      '(WarningIssued, YellowCardIssued, RedCardIssued), `data:` an AlertMessage as JSON. A comment line `: heartbeat` comes every 15 s.',
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Resume after this position (the last `id:` received); default: from now on',
    example: '00000000000000000750:00000000000000000012',
  })
  @ApiQuery({
    name: 'lastEventId',
    required: false,
    description: 'The same as the Last-Event-ID header, for clients that cannot set headers',
    example: '00000000000000000750:00000000000000000012',
  })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: `A text/event-stream of alerts; each data line is an AlertMessage (${getSchemaPath(AlertMessage)})`,
    content: { 'text/event-stream': { schema: { type: 'string' }, example: EXAMPLE_FRAME } },
  })
  @ApiProblems(COMMON_PROBLEMS)
  stream(
    @CurrentActor() actor: Actor,
    @Headers('last-event-id') header: string | undefined,
    @Query('lastEventId') query: unknown,
    @Res() reply: FastifyReply,
  ): void {
    this.feed.assertListens(actor);
    const lastEventId = header ?? query;
    // The problem names what the client sent: the header, or the query parameter of a client that
    // cannot set headers (EventSource).
    const field = header !== undefined ? 'Last-Event-ID' : 'lastEventId';
    if (lastEventId !== undefined && !isPosition(lastEventId))
      throw new ProblemException(
        problems.validation(`${field} is the id: of an alert this stream sent.`, [
          { field, message: 'must be a position this stream sent' },
        ]),
      );
    // The stream is written on Node's response; Fastify is told it no longer answers this request.
    reply.hijack();
    const response = reply.raw;
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-cache, no-transform');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    response.write('retry: 3000\n: connected\n\n');
    const alerts = this.feed.alerts(actor, lastEventId).pipe(map(alertFrame), share());
    // Heartbeats while the alerts flow; when they end (shutdown), so does the stream.
    const heartbeats = interval(this.heartbeatMs).pipe(
      map(() => ': heartbeat\n\n'),
      takeUntil(alerts.pipe(ignoreElements(), endWith(null))),
    );
    const subscription = merge(alerts, heartbeats).subscribe({
      next: (frame) => response.write(frame),
      error: (error: unknown) => {
        this.logger.warn({ err: error }, 'alert stream ended by an error');
        response.end();
      },
      complete: () => response.end(),
    });
    // The response closes when the client goes away (or the server shuts down): stop the subscription.
    response.on('close', () => subscription.unsubscribe());
  }
}
