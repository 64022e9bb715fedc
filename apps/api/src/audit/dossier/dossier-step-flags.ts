/**
 * The dossier's step flags (T10): each step supervision found overdue, including an inquiry's
 * referral still open after 3 working days (F3).
 */
import type { CaseEvent } from '#domain/case/case-events.js';
import { STEP_LABELS } from '#domain/labels/labels.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { label } from '../audit-labels.js';

export interface DossierStepFlag {
  readonly step: string;
  readonly stepLabel: string;
  readonly ref: string;
  readonly dueAt: string;
  readonly flaggedAt: string;
  readonly eventId: string;
}

export function dossierStepFlags(recorded: readonly RecordedEvent[]): DossierStepFlag[] {
  const stepFlags: DossierStepFlag[] = [];
  for (const r of recorded) {
    const e = toCaseEvent(r) as CaseEvent;
    if (e.type === 'StepOverdueFlagged')
      stepFlags.push({
        step: e.data.step,
        stepLabel: label(STEP_LABELS, e.data.step),
        ref: e.data.ref,
        dueAt: e.data.dueAt,
        flaggedAt: r.occurredAt,
        eventId: r.eventId,
      });
    else if (e.type === 'ReferralFollowUpWarningIssued')
      stepFlags.push({
        step: 'referral',
        stepLabel: label(STEP_LABELS, 'referral'),
        ref: e.data.firstResponderId,
        dueAt: e.data.dueAt,
        flaggedAt: r.occurredAt,
        eventId: r.eventId,
      });
  }
  return stepFlags;
}
