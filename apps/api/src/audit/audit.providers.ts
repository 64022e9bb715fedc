/**
 * What the API registers for auditors (app.module.ts): the case dossier, the back-dated entries and
 * the seals (U7) with their schedule, the access log (U6) (api-application.ts installs what records it), the erasure of personal data (I2); the CSV rides on GET /cases/{id}/events.
 */
import { AccessLogController } from './access-log/access-log.controller.js';
import { AccessLogWriter } from './access-log/access-log.writer.js';
import { PersonalDataErasureController } from './erasure/personal-data-erasure.controller.js';
import { BackdatedEntriesController } from './backdated/backdated-entries.controller.js';
import { GetBackdatedEntriesHandler } from './backdated/backdated-entries.handler.js';
import { CaseDossierController } from './dossier/case-dossier.controller.js';
import { GetCaseDossierHandler } from './dossier/get-case-dossier.handler.js';
import { SealSchedule } from './seals/seal-schedule.js';
import { SealsController } from './seals/seals.controller.js';
import { SealsService } from './seals/seals.service.js';

export const AUDIT_CONTROLLERS = [
  CaseDossierController,
  BackdatedEntriesController,
  SealsController,
  AccessLogController,
  PersonalDataErasureController,
];
export const AUDIT_PROVIDERS = [
  GetCaseDossierHandler,
  GetBackdatedEntriesHandler,
  SealsService,
  SealSchedule,
  AccessLogWriter,
];
