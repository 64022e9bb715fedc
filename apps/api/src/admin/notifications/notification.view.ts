/** Documentation and answer classes of GET /admin/notifications and its redelivery (E2). */
import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '#domain/notification/notification.js';

export class UndeliveredNotificationView {
  @ApiProperty({ format: 'uuid', example: '3f1c9a52-8d2e-5b7a-9c41-0e6f2d3b4a15' }) notificationId!: string;
  @ApiProperty({ example: 'dept-market-oa' }) subscriptionId!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'yellow' }) kind!: NotificationKind;
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'undeliverable'], example: 'undeliverable' })
  status!: string;
  @ApiProperty({ example: 17 }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, example: 'ECONNREFUSED' }) lastError!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-10T17:31:00.000+08:00' })
  nextAttemptAt!: string | null;
}

export class UndeliveredNotificationsPage {
  @ApiProperty({ type: [UndeliveredNotificationView] }) items!: UndeliveredNotificationView[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

export class RedeliveryAnswer {
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({
    type: [String],
    example: ['dept-market-oa'],
    description: 'the subscriptions it is sent to again',
  })
  subscriptionIds!: string[];
}

export class WebhookRecipientSchema {
  @ApiProperty({
    enum: ['guide', 'proxy', 'window', 'approver', 'supervisor', 'auditor', 'admin'],
    example: 'approver',
  })
  role!: string;
  @ApiProperty({
    required: false,
    example: 'u-guide',
    description: 'one staff member (F3: the first responder)',
  })
  staffId?: string;
}

/** The JSON body of `POST <subscription url>` (API.md "A webhook delivery"); documentation only. */
export class WebhookRequestSchema {
  @ApiProperty({
    format: 'uuid',
    description: 'the same on every retry: drop repeats by it (= X-Notification-Id)',
  })
  notificationId!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'yellow' }) kind!: NotificationKind;
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ example: 'center-1' }) centerId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ required: false, enum: ['warning', 'yellow', 'red'], example: 'yellow' }) level?: string;
  @ApiProperty({ required: false, example: 'yellow-202603091730' }) cardId?: string;
  @ApiProperty({ required: false, example: '2026-03-09T17:30:00+08:00' }) deadline?: string;
  @ApiProperty({
    required: false,
    example: '2026-03-11T17:30:00+08:00',
    description: 'explanation (C5) or follow-up (F3) due',
  })
  dueAt?: string;
  @ApiProperty({ type: [WebhookRecipientSchema] }) recipients!: WebhookRecipientSchema[];
  @ApiProperty({ example: '2026-03-09T17:31:00+08:00' }) occurredAt!: string;
}

/** What the PUT route says about the request a receiver gets (OpenAPI 3.0 has no `webhooks`). */
export const WEBHOOK_DESCRIPTION =
  'The receiver gets `POST <url>` with `Content-Type: application/json`, a body of the shape WebhookRequestSchema ' +
  '(ids, codes, levels and deadlines; never personal data, E3), `X-Notification-Id: <notificationId>` and ' +
  "`X-Signature: sha256=<hex HMAC-SHA256 of the raw body, keyed with the subscription's secret>`. Any 2xx " +
  'acknowledges; anything else is retried with exponential backoff and jitter for 24 hours, then listed as ' +
  'undeliverable. Verify before parsing, e.g. in Node: ' +
  "`const ok = timingSafeEqual(Buffer.from('sha256=' + createHmac('sha256', secret).update(rawBody).digest('hex')), " +
  "Buffer.from(req.headers['x-signature']))` (compare lengths first).";
