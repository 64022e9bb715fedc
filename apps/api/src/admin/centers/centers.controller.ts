import { adminCommandController } from '../admin-command.controller.js';
import { CONFIGURE_CENTER } from '../admin-commands.js';

/** PUT /admin/centers/{centerId} (T1), a row of the admin-command table. */
export const CentersController = adminCommandController('CentersController', 'admin/centers', [
  CONFIGURE_CENTER,
]);
