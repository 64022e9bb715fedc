/** What the API registers for auditors (app.module.ts): the case dossier; the CSV rides on /events. */
import { CaseDossierController } from './dossier/case-dossier.controller.js';
import { GetCaseDossierHandler } from './dossier/get-case-dossier.handler.js';

export const AUDIT_CONTROLLERS = [CaseDossierController];
export const AUDIT_PROVIDERS = [GetCaseDossierHandler];
