/**
 * E2 for admins: the notifications that could not be delivered (or any status), and their resending.
 * Both read and write the outbox the projector's notifier keeps in the read store; the dispatcher
 * finds a resent delivery on its next sweep (NOTIFICATIONS_SWEEP_MS).
 */
import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Db, Filter } from 'mongodb';
import type { Actor } from '#domain/actor/actor.js';
import { toShanghaiIso } from '#domain/calendar/index.js';
import { DeliveryLedger } from '#infra/notifications/delivery-ledger.js';
import type { DeliveryDocument, DeliveryStatus } from '#infra/notifications/notification-documents.js';
import { AUDIT_READ_STORE } from '../../audit/backdated/audit-read-store.js';
import { CurrentActor } from '../../auth/current-actor.decorator.js';
import {
  ApiProblems,
  COMMON_PROBLEMS,
  documentedProblem,
  documentedProblems,
} from '../../openapi/problem-responses.js';
import { ProblemException, titledProblem } from '../../problem/problem-details.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { pageWithCursor } from '../../views/cursor-pages.js';
import { pageLimit } from '../../views/view-list-parameters.js';
import { decodeCursor, encodeCursor, optionalEnum } from '../../views/view-query-parameters.js';
import { viewProblems } from '../../views/view-problems.js';
import { RedeliveryAnswer, UndeliveredNotificationsPage } from './notification.view.js';
import { assertReads } from '../../auth/assert-reads.js';

const STATUSES = ['pending', 'delivered', 'undeliverable'] as const;

@ApiTags('administration')
@ApiBearerAuth()
@Controller('admin/notifications')
export class NotificationsController {
  constructor(@Inject(AUDIT_READ_STORE) private readonly db: Db | null) {}

  @Get()
  @ApiOperation({
    summary: 'Deliveries of notifications by status, e.g. the undeliverable ones (E2)',
    description: 'Roles: admin. One item per notification and subscription, in id order.',
  })
  @ApiQuery({ name: 'status', required: false, enum: STATUSES, description: 'default undeliverable' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiOkResponse({ type: UndeliveredNotificationsPage })
  @ApiProblems(COMMON_PROBLEMS)
  async list(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<UndeliveredNotificationsPage> {
    const ledger = this.ledger(actor);
    const status: DeliveryStatus = optionalEnum('status', query.status, STATUSES) ?? 'undeliverable';
    const limit = pageLimit(query.limit);
    const after = decodeCursor(query.cursor, ['string']);
    const filter: Filter<DeliveryDocument> = {
      status,
      ...(after !== undefined && { _id: { $gt: String(after[0]) } }),
    };
    const found = await ledger.deliveries
      .find(filter)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .toArray();
    const { page, nextCursor } = pageWithCursor(found, limit, (last) => encodeCursor([last._id]));
    return {
      items: page.map((d) => ({
        notificationId: d.notificationId,
        subscriptionId: d.subscriptionId,
        kind: d.kind,
        caseId: d.caseId,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError ?? null,
        nextAttemptAt: d.status === 'pending' ? toShanghaiIso(d.nextAttemptAtMs) : null,
      })),
      nextCursor,
    };
  }

  @Post(':notificationId/redelivery')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send an undeliverable notification again (E2)',
    description:
      'Roles: admin. Every undeliverable delivery of the notification is retried from now, with a new ' +
      '24-hour window; the receiver gets the same `X-Notification-Id`.',
  })
  @ApiResponse({ status: 202, type: RedeliveryAnswer })
  @ApiProblems(COMMON_PROBLEMS, [
    documentedProblem(404, 'NOTIFICATION_NOT_FOUND', 'No notification has this id.'),
    ...documentedProblems(409, [
      [
        'E2_NOT_UNDELIVERABLE',
        'No delivery of this notification is undeliverable; it was delivered or is still being retried.',
      ],
    ]),
  ])
  async redeliver(
    @Param('notificationId', IdParamPipe) notificationId: string,
    @CurrentActor() actor: Actor,
  ): Promise<RedeliveryAnswer> {
    const ledger = this.ledger(actor);
    const exists = await ledger.deliveries.findOne({ notificationId }, { projection: { _id: 1 } });
    if (!exists)
      throw new ProblemException(
        titledProblem(404, 'NOTIFICATION_NOT_FOUND', 'No notification has this id.'),
      );
    // Retries run on the wall clock, not on business time (a manual clock included).
    const resent = await ledger.redeliver(notificationId, Date.now());
    if (resent.length === 0)
      throw new ProblemException(
        titledProblem(
          409,
          'E2_NOT_UNDELIVERABLE',
          'No delivery of this notification is undeliverable; it was delivered or is still being retried.',
        ),
      );
    return { notificationId, subscriptionIds: resent.map((id) => id.slice(id.indexOf('~') + 1)) };
  }

  /** Admins only (DOMAIN.md "Who uses it": configuration); 503 without a read store. */
  private ledger(actor: Actor): DeliveryLedger {
    assertReads(actor, 'notifications');
    if (!this.db) throw new ProblemException(viewProblems.readStoreUnavailable());
    return new DeliveryLedger(this.db);
  }
}
