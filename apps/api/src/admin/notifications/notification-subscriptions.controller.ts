import { adminCommandController } from '../admin-command.controller.js';
import { CONFIGURE_NOTIFICATION_SUBSCRIPTION } from '../admin-commands.js';

/** PUT /admin/notification-subscriptions/{subscriptionId} (E2), a row of the admin-command table. */
export const NotificationSubscriptionsController = adminCommandController(
  'NotificationSubscriptionsController',
  'admin/notification-subscriptions',
  [CONFIGURE_NOTIFICATION_SUBSCRIPTION],
);
