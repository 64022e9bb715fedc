/**
 * The dossier's deadlines as told to the applicant (T9): the one set at acceptance, and each one
 * a resumption (T6) or an extension (T7) set after it, with what moved it.
 */
import { EVENT_LABELS } from '#domain/labels/labels.js';
import type { RecordedEvent } from '#infra/event-store/event-store.port.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import { defined } from '../../support/defined.js';
import { label } from '../audit-labels.js';

export interface DossierDeadline {
  readonly eventId: string;
  readonly type: string;
  readonly label: string;
  /** When the deadline was set (and told to the applicant, T9). */
  readonly setAt: string;
  readonly deadline: string;
  readonly previousDeadline?: string;
  readonly limitDays?: number;
  readonly limitMinutes?: number;
  readonly extensionDays?: number;
  readonly suspendedOfficeMinutes?: number;
  readonly reason?: string;
  readonly applicantNotifiedAt?: string;
  readonly channel?: string;
  readonly calendarVersion: string;
  readonly policyVersion: string;
  readonly provisional: boolean;
}

const DEADLINE_EVENTS = new Set(['ApplicationAccepted', 'CaseResumed', 'ExtensionGranted']);

export function dossierDeadlines(recorded: readonly RecordedEvent[]): DossierDeadline[] {
  const deadlines: DossierDeadline[] = [];
  for (const r of recorded) {
    const e = toCaseEvent(r);
    if (e.type !== 'ApplicationAccepted' && e.type !== 'CaseResumed' && e.type !== 'ExtensionGranted')
      continue;
    const d = e.data;
    deadlines.push(
      defined({
        eventId: r.eventId,
        type: r.type,
        label: label(EVENT_LABELS, r.type),
        setAt: r.occurredAt,
        deadline: d.deadline,
        previousDeadline: 'previousDeadline' in d ? d.previousDeadline : undefined,
        limitDays: 'limitDays' in d ? d.limitDays : undefined,
        limitMinutes: 'limitMinutes' in d ? d.limitMinutes : undefined,
        extensionDays: e.type === 'ExtensionGranted' ? e.data.days : undefined,
        suspendedOfficeMinutes: e.type === 'CaseResumed' ? e.data.suspendedOfficeMinutes : undefined,
        reason: e.type === 'ExtensionGranted' ? e.data.reason : undefined,
        applicantNotifiedAt: e.type === 'ExtensionGranted' ? e.data.applicantNotifiedAt : undefined,
        channel: e.type === 'ExtensionGranted' ? e.data.channel : undefined,
        calendarVersion: d.calendarVersion,
        policyVersion: d.policyVersion,
        provisional: d.provisional,
      }),
    );
  }
  return deadlines;
}

/** T9: the latest event before `revision` that set `deadline` (acceptance, resumption, extension). */
export function deadlineEventOf(
  recorded: readonly RecordedEvent[],
  revision: number,
  deadline: string,
): string | undefined {
  const at = Date.parse(deadline);
  for (let i = revision - 1; i >= 0; i--) {
    const r = recorded[i];
    if (r === undefined || !DEADLINE_EVENTS.has(r.type)) continue;
    const set = (r.data as { deadline?: string }).deadline;
    if (set !== undefined && Date.parse(set) === at) return r.eventId;
  }
  return undefined;
}
