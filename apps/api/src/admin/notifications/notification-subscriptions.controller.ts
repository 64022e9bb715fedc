import { Body, Controller, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { CommandCall, CurrentCall } from '../../auth/current-call.decorator.js';
import type { ConfigurationAnswer } from '../../command-pipeline/command-answer.js';
import { ConfigurationRoute } from '../../openapi/command-route.decorator.js';
import { IdParamPipe } from '../../validation/route-param.pipes.js';
import { ConfigureNotificationSubscriptionCommand } from './configure-notification-subscription.command.js';
import { ConfigureNotificationSubscriptionDto } from './configure-notification-subscription.dto.js';
import { WEBHOOK_DESCRIPTION, WebhookRequestSchema } from './notification.view.js';

const HIDDEN = '(hidden)';

@ApiTags('administration')
@Controller('admin/notification-subscriptions')
export class NotificationSubscriptionsController {
  constructor(private readonly commands: CommandBus) {}

  @ConfigurationRoute(':subscriptionId', {
    summary: 'Subscribe a webhook (or an SMS gateway) to a center’s or department’s notifications (E1, E2)',
    roles: 'admin',
    description:
      'Recorded as an event in `notification-subscription-{id}`; a PUT again replaces it. Notifications of events ' +
      'recorded after it are delivered to it; without `departmentId` every notification of the center. The secret ' +
      `is never answered back. ${WEBHOOK_DESCRIPTION}`,
  })
  @ApiExtraModels(WebhookRequestSchema)
  async configure(
    @Param('subscriptionId', IdParamPipe) subscriptionId: string,
    @Body() body: ConfigureNotificationSubscriptionDto,
    @CurrentCall() call: CommandCall,
  ): Promise<ConfigurationAnswer> {
    const outcome = this.commands.execute(
      new ConfigureNotificationSubscriptionCommand(
        subscriptionId,
        body,
        call.metadata('ConfigureNotificationSubscription'),
      ),
    );
    const answer = await call.configured(outcome);
    return { ...answer, events: answer.events.map((e) => ({ ...e, data: withoutSecret(e.data) })) };
  }
}

/** The recorded event holds the secret (the notifier signs with it); an answer never does. */
function withoutSecret(data: unknown): unknown {
  return typeof data === 'object' && data !== null && 'secret' in data ? { ...data, secret: HIDDEN } : data;
}
