/**
 * What was done about the case's violations: the accountability actions recorded against them (A3)
 * and the recommendations of public criticism that name the case (C6).
 */
import { ACTION_LABELS } from '#domain/labels/labels.js';
import { label } from '../audit-labels.js';
import { dossierActor, type DossierActor } from './dossier-actor.js';
import { ofType, type DossierEvent } from './dossier-events.js';

export interface DossierAction {
  readonly actionId: string;
  readonly violationId: string;
  readonly action: string;
  readonly actionLabel: string;
  readonly note: string;
  readonly at: string;
  readonly by: DossierActor;
  readonly eventId: string;
}

export interface DossierRecommendation {
  readonly departmentId: string;
  readonly lateCaseIds: readonly string[];
  readonly policyVersion: string;
  readonly at: string;
  readonly eventId: string;
}

export const dossierActions = (events: readonly DossierEvent[]): DossierAction[] =>
  ofType(events, 'AccountabilityActionRecorded').map(({ r, e }) => ({
    actionId: e.data.actionId,
    violationId: e.data.violationId,
    action: e.data.action,
    actionLabel: label(ACTION_LABELS, e.data.action),
    note: e.data.note,
    at: r.occurredAt,
    by: dossierActor(r.actor),
    eventId: r.eventId,
  }));

export const dossierPublicCriticism = (events: readonly DossierEvent[]): DossierRecommendation[] =>
  ofType(events, 'PublicCriticismRecommended').map(({ r, e }) => ({
    departmentId: e.data.departmentId,
    lateCaseIds: e.data.lateCaseIds,
    policyVersion: e.data.policyVersion,
    at: r.occurredAt,
    eventId: r.eventId,
  }));
