import { Command } from '@nestjs/cqrs';
import type { WriteOutcome } from '../../command-pipeline/command-answer.js';
import type { CommandMetadata } from '../../command-pipeline/command-metadata.js';
import type { ConfigureNotificationSubscriptionDto } from './configure-notification-subscription.dto.js';

export class ConfigureNotificationSubscriptionCommand extends Command<WriteOutcome> {
  constructor(
    readonly subscriptionId: string,
    readonly body: ConfigureNotificationSubscriptionDto,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
