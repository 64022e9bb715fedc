import { adminCommandController } from '../admin-command.controller.js';
import { DEFINE_MATTER } from '../admin-commands.js';

/** PUT /admin/matters/{code} (T3, T5, T7), a row of the admin-command table. */
export const MattersController = adminCommandController('MattersController', 'admin/matters', [
  DEFINE_MATTER,
]);
