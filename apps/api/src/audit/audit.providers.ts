/**
 * What the API registers for auditors (app.module.ts): the case dossier and the back-dated entries;
 * the CSV rides on GET /cases/{id}/events.
 */
import { BackdatedEntriesController } from './backdated/backdated-entries.controller.js';
import { GetBackdatedEntriesHandler } from './backdated/backdated-entries.handler.js';
import { CaseDossierController } from './dossier/case-dossier.controller.js';
import { GetCaseDossierHandler } from './dossier/get-case-dossier.handler.js';

export const AUDIT_CONTROLLERS = [CaseDossierController, BackdatedEntriesController];
export const AUDIT_PROVIDERS = [GetCaseDossierHandler, GetBackdatedEntriesHandler];
