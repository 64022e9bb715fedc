/** Documentation and answer classes of GET /admin/notifications and its redelivery (E2). */
import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '#domain/notification/notification.js';

export class UndeliveredNotificationView {
  @ApiProperty({ format: 'uuid', example: '3f1c9a52-8d2e-5b7a-9c41-0e6f2d3b4a15' }) notificationId!: string;
  @ApiProperty({ example: 'dept-market-oa' }) subscriptionId!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, example: 'yellow' }) kind!: NotificationKind;
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ enum: ['pending', 'delivering', 'delivered', 'undeliverable'], example: 'undeliverable' })
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
