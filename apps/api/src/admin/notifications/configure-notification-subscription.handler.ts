import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NOTIFICATION_KINDS, type NotificationKind } from '#domain/notification/notification.js';
import {
  configureNotificationSubscription,
  notificationSubscriptionStreamId,
} from '#domain/notification/subscription.js';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import { ProblemException, problems } from '../../problem/problem-details.js';
import { AdminWrite } from '../admin-write.js';
import { ConfigureNotificationSubscriptionCommand } from './configure-notification-subscription.command.js';

const isKind = (k: string): k is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(k);

/** E2: a subscription is recorded in `notification-subscription-<id>`; the notifier folds it. */
@CommandHandler(ConfigureNotificationSubscriptionCommand)
export class ConfigureNotificationSubscriptionHandler implements ICommandHandler<
  ConfigureNotificationSubscriptionCommand,
  WriteOutcome
> {
  constructor(private readonly admin: AdminWrite) {}

  execute({
    subscriptionId,
    body,
    metadata,
  }: ConfigureNotificationSubscriptionCommand): Promise<WriteOutcome> {
    const unknown = body.kinds.find((k) => !isKind(k));
    if (unknown !== undefined)
      throw new ProblemException(
        problems.validation(`kinds holds an unknown kind ${JSON.stringify(unknown)} (E1).`, [
          { field: 'kinds', message: `each of ${NOTIFICATION_KINDS.join(', ')}` },
        ]),
      );
    const kinds = body.kinds.filter(isKind);
    return this.admin.execute(
      notificationSubscriptionStreamId(subscriptionId),
      metadata,
      (actor, occurredAt) =>
        configureNotificationSubscription(
          {
            subscriptionId,
            url: body.url,
            secret: body.secret,
            kinds,
            centerId: body.centerId,
            ...(body.departmentId !== undefined && { departmentId: body.departmentId }),
            channel: body.channel ?? 'webhook',
            ...(body.sms !== undefined && { sms: { ...body.sms, phoneNumbers: [...body.sms.phoneNumbers] } }),
          },
          actor,
          occurredAt,
        ),
    );
  }
}
