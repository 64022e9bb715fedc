/** What the API registers for the alert stream (app.module.ts). */
import { AlertFeed } from './alert-feed.js';
import { AlertsController } from './alerts.controller.js';

export const ALERT_CONTROLLERS = [AlertsController];
export const ALERT_PROVIDERS = [AlertFeed];
