/**
 * What was done about the case's violations: the accountability actions recorded against them (A3)
 * and the recommendations of public criticism that name the case (C6).
 */
import type { CaseEvent } from '#domain/case/case-events.js';
import { ACTION_LABELS } from '#domain/labels/labels.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { label } from '../audit-labels.js';
import { dossierActor, type DossierActor } from './dossier-actor.js';

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

export function dossierActions(recorded: readonly RecordedEvent[]): DossierAction[] {
  const actions: DossierAction[] = [];
  for (const r of recorded) {
    const e = toCaseEvent(r) as CaseEvent;
    if (e.type === 'AccountabilityActionRecorded')
      actions.push({
        actionId: e.data.actionId,
        violationId: e.data.violationId,
        action: e.data.action,
        actionLabel: label(ACTION_LABELS, e.data.action),
        note: e.data.note,
        at: r.occurredAt,
        by: dossierActor(r.actor),
        eventId: r.eventId,
      });
  }
  return actions;
}

export function dossierPublicCriticism(recorded: readonly RecordedEvent[]): DossierRecommendation[] {
  const recommendations: DossierRecommendation[] = [];
  for (const r of recorded) {
    const e = toCaseEvent(r) as CaseEvent;
    if (e.type === 'PublicCriticismRecommended')
      recommendations.push({
        departmentId: e.data.departmentId,
        lateCaseIds: e.data.lateCaseIds,
        policyVersion: e.data.policyVersion,
        at: r.occurredAt,
        eventId: r.eventId,
      });
  }
  return recommendations;
}
