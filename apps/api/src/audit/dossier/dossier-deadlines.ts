/**
 * The dossier's deadlines as told to the applicant (T9): the one set at acceptance, and each one
 * a resumption (T6) or an extension (T7) set after it, with what moved it.
 */
import type { CaseEventOf } from '#domain/case/case-events.js';
import { EVENT_LABELS } from '#domain/labels/labels.js';
import { defined } from '../../support/defined.js';
import { label } from '../audit-labels.js';
import { ofType, type DossierEvent } from './dossier-events.js';

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

/** The events that set a deadline: acceptance, resumption (T6), extension (T7). */
const DEADLINE_EVENT_TYPES = ['ApplicationAccepted', 'CaseResumed', 'ExtensionGranted'] as const;
const SETS_DEADLINE: ReadonlySet<string> = new Set(DEADLINE_EVENT_TYPES);
const setsDeadline = (e: {
  readonly type: string;
}): e is CaseEventOf<(typeof DEADLINE_EVENT_TYPES)[number]> => SETS_DEADLINE.has(e.type);

export function dossierDeadlines(events: readonly DossierEvent[]): DossierDeadline[] {
  return ofType(events, ...DEADLINE_EVENT_TYPES).map(({ r, e }) => {
    const d = e.data;
    return defined({
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
    });
  });
}

/** T9: the latest event before `revision` that set `deadline` (acceptance, resumption, extension). */
export function deadlineEventOf(
  events: readonly DossierEvent[],
  revision: number,
  deadline: string,
): string | undefined {
  const at = Date.parse(deadline);
  for (let i = revision - 1; i >= 0; i--) {
    const event = events[i];
    if (event === undefined || !setsDeadline(event.e)) continue;
    if (Date.parse(event.e.data.deadline) === at) return event.r.eventId;
  }
  return undefined;
}
