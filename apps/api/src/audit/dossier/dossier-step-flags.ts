/**
 * The dossier's step flags (T10): each step supervision found overdue, including an inquiry's
 * referral still open after 3 working days (F3).
 */
import { STEP_LABELS } from '#domain/labels/labels.js';
import { label } from '../audit-labels.js';
import { ofType, type DossierEvent } from './dossier-events.js';

export interface DossierStepFlag {
  readonly step: string;
  readonly stepLabel: string;
  readonly ref: string;
  readonly dueAt: string;
  readonly flaggedAt: string;
  readonly eventId: string;
}

export const dossierStepFlags = (events: readonly DossierEvent[]): DossierStepFlag[] =>
  ofType(events, 'StepOverdueFlagged', 'ReferralFollowUpWarningIssued').map(({ r, e }) => {
    // F3: a referral's follow-up is a step flag of its own kind, the first responder its reference.
    const [step, ref] =
      e.type === 'StepOverdueFlagged' ? [e.data.step, e.data.ref] : ['referral', e.data.firstResponderId];
    return {
      step,
      stepLabel: label(STEP_LABELS, step),
      ref,
      dueAt: e.data.dueAt,
      flaggedAt: r.occurredAt,
      eventId: r.eventId,
    };
  });
