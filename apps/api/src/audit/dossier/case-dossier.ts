/**
 * The case dossier (办件档案) for auditors: everything about one case in one answer, derived from
 * its events alone — the timeline with actors (U1, U2), the deadlines as told to the applicant
 * (T9), the cards with what caused them, their explanations and revocations (C1–C5), step flags
 * (T10), the violations with their evidence (A1), accountability actions (A3), public-criticism
 * recommendations (C6) and the hash-chain check (U3). Every card, violation and action names the
 * events it comes from, by id, so a reader can follow each back to the record.
 */
import type { Actor } from '#domain/actor/actor.js';
import { detectViolations } from '#domain/accountability/detect-violations.js';
import type { CaseEvent } from '#domain/case/case-events.js';
import { BACKDATE_TOLERANCE_MS } from '#domain/case/decision-context.js';
import type { RecordedEvent, StreamVerification } from '#infra/event-store/event-store.port.js';
import { toCaseEvent } from '#infra/case-stream/case-stream.js';
import type { CaseView } from '../../cases/queries/case-view.js';
import { defined } from '../../support/defined.js';
import {
  ACTION_LABELS,
  EVENT_LABELS,
  LEVEL_LABELS,
  ROLE_LABELS,
  STEP_LABELS,
  VIOLATION_LABELS,
} from '#domain/labels/labels.js';
import { label } from '../audit-labels.js';
import { dataAsSeenBy, seesPersonalData } from '../personal-data.js';
import type { DossierNames } from './dossier-names.js';
import { dossierResult, type DossierResult } from './dossier-result.js';
import { eventSentence } from './event-sentence.js';

export interface DossierActor {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly roleLabel: string;
  readonly departmentId: string | null;
  readonly windowId: string | null;
}

export interface DossierEntry {
  readonly eventId: string;
  readonly revision: number;
  readonly position: string;
  readonly type: string;
  readonly label: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: DossierActor;
  /** U2: recorded more than 10 minutes after it happened (补录). */
  readonly backdated: boolean;
  readonly backdatedMinutes?: number;
  readonly lateEntryReason?: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly hash: string;
  /** The event's facts; the applicant's identifiers masked unless the reader is an auditor (I1). */
  readonly data: unknown;
  /** The same facts as one readable Chinese sentence (the printed dossier shows this). */
  readonly summary: string;
}

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

export interface DossierExplanation {
  readonly cardId: string;
  readonly text: string;
  readonly late: boolean;
  readonly at: string;
  readonly by: DossierActor;
  readonly eventId: string;
}

export interface DossierRevocation {
  readonly reason: string;
  readonly at: string;
  readonly by: DossierActor;
  readonly eventId: string;
}

export interface DossierCard {
  readonly cardId: string;
  readonly level: string;
  readonly levelLabel: string;
  readonly cause: string;
  readonly deadline: string;
  readonly issuedAt: string;
  readonly policyVersion: string;
  readonly remainingMinutes: number;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  readonly explanationDueAt?: string;
  readonly explanation?: DossierExplanation;
  readonly revocation?: DossierRevocation;
  readonly eventId: string;
  /** The event that set the deadline the card measures, then the card's own event. */
  readonly causedBy: readonly string[];
}

export interface DossierStepFlag {
  readonly step: string;
  readonly stepLabel: string;
  readonly ref: string;
  readonly dueAt: string;
  readonly flaggedAt: string;
  readonly eventId: string;
}

export interface DossierEvidence {
  readonly eventId: string;
  readonly revision: number | null;
  readonly type: string | null;
  readonly label: string;
}

export interface DossierViolation {
  readonly violationId: string;
  readonly code: string;
  readonly label: string;
  readonly rule: string;
  readonly staffId: string | null;
  readonly staffName: string | null;
  readonly windowId: string | null;
  readonly departmentId: string | null;
  readonly detectedAt: string;
  readonly evidence: readonly DossierEvidence[];
}

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

export interface CaseDossier {
  readonly caseId: string;
  readonly generatedAt: string;
  readonly reader: { readonly id: string; readonly name: string; readonly role: string };
  /** I1: whether applicant identifiers are masked in this dossier (everyone but auditors). */
  readonly personalDataMasked: boolean;
  readonly case: CaseView;
  /** Names, not codes, where configuration (or the record) has them (issue 12). */
  readonly names: DossierNames;
  /** The decision and its result, or that the case is still open. */
  readonly result: DossierResult;
  readonly deadlines: readonly DossierDeadline[];
  readonly cards: readonly DossierCard[];
  readonly explanations: readonly DossierExplanation[];
  readonly stepFlags: readonly DossierStepFlag[];
  readonly violations: readonly DossierViolation[];
  readonly accountabilityActions: readonly DossierAction[];
  readonly publicCriticism: readonly DossierRecommendation[];
  readonly integrity: StreamVerification;
  readonly timeline: readonly DossierEntry[];
}

const DEADLINE_EVENTS = new Set(['ApplicationAccepted', 'CaseResumed', 'ExtensionGranted']);

const actorOf = (a: RecordedEvent['actor']): DossierActor => ({
  id: a.id,
  name: a.name,
  role: a.role,
  roleLabel: label(ROLE_LABELS, a.role),
  departmentId: a.departmentId,
  windowId: a.windowId,
});

export interface DossierInput {
  readonly recorded: readonly RecordedEvent[];
  readonly view: CaseView;
  readonly integrity: StreamVerification;
  readonly reader: Actor;
  readonly generatedAt: string;
  readonly names: DossierNames;
}

export function caseDossier({
  recorded,
  view,
  integrity,
  reader,
  generatedAt,
  names,
}: DossierInput): CaseDossier {
  const byId = new Map(recorded.map((e) => [e.eventId, e]));
  const timeline: DossierEntry[] = recorded.map((e) => {
    const gap = Date.parse(e.recordedAt) - Date.parse(e.occurredAt);
    const reason = (e.data as { lateEntryReason?: string } | null)?.lateEntryReason;
    return defined({
      eventId: e.eventId,
      revision: e.revision,
      position: e.position,
      type: e.type,
      label: label(EVENT_LABELS, e.type),
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      actor: actorOf(e.actor),
      backdated: gap > BACKDATE_TOLERANCE_MS,
      backdatedMinutes: gap > BACKDATE_TOLERANCE_MS ? Math.floor(gap / 60_000) : undefined,
      lateEntryReason: reason,
      correlationId: e.correlationId,
      causationId: e.causationId,
      hash: e.integrity.hash,
      data: dataAsSeenBy(e, reader),
      summary: eventSentence(toCaseEvent({ ...e, data: dataAsSeenBy(e, reader) }) as CaseEvent),
    });
  });

  const deadlines: DossierDeadline[] = [];
  const cards: DossierCard[] = [];
  const explanations: DossierExplanation[] = [];
  const revocations = new Map<string, DossierRevocation>();
  const stepFlags: DossierStepFlag[] = [];
  const actions: DossierAction[] = [];
  const publicCriticism: DossierRecommendation[] = [];
  for (const r of recorded) {
    const e = toCaseEvent(r) as CaseEvent;
    switch (e.type) {
      case 'ApplicationAccepted':
      case 'CaseResumed':
      case 'ExtensionGranted': {
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
        break;
      }
      case 'WarningIssued':
      case 'YellowCardIssued':
      case 'RedCardIssued': {
        const d = e.data;
        const setBy = deadlineEventOf(recorded, r.revision, d.deadline);
        cards.push(
          defined({
            cardId: d.cardId,
            level: d.level,
            levelLabel: label(LEVEL_LABELS, d.level),
            cause: d.cause,
            deadline: d.deadline,
            issuedAt: r.occurredAt,
            policyVersion: d.policyVersion,
            remainingMinutes: d.remainingMinutes,
            departmentId: d.departmentId ?? null,
            windowId: d.windowId ?? null,
            explanationDueAt: d.explanationDueAt,
            eventId: r.eventId,
            causedBy: setBy ? [setBy, r.eventId] : [r.eventId],
          }),
        );
        break;
      }
      case 'ExplanationSubmitted':
        explanations.push({
          cardId: e.data.cardId,
          text: e.data.text,
          late: e.data.late,
          at: r.occurredAt,
          by: actorOf(r.actor),
          eventId: r.eventId,
        });
        break;
      case 'CardRevoked':
        revocations.set(e.data.cardId, {
          reason: e.data.reason,
          at: r.occurredAt,
          by: actorOf(r.actor),
          eventId: r.eventId,
        });
        break;
      case 'StepOverdueFlagged':
        stepFlags.push({
          step: e.data.step,
          stepLabel: label(STEP_LABELS, e.data.step),
          ref: e.data.ref,
          dueAt: e.data.dueAt,
          flaggedAt: r.occurredAt,
          eventId: r.eventId,
        });
        break;
      case 'ReferralFollowUpWarningIssued':
        stepFlags.push({
          step: 'referral',
          stepLabel: label(STEP_LABELS, 'referral'),
          ref: e.data.firstResponderId,
          dueAt: e.data.dueAt,
          flaggedAt: r.occurredAt,
          eventId: r.eventId,
        });
        break;
      case 'AccountabilityActionRecorded':
        actions.push({
          actionId: e.data.actionId,
          violationId: e.data.violationId,
          action: e.data.action,
          actionLabel: label(ACTION_LABELS, e.data.action),
          note: e.data.note,
          at: r.occurredAt,
          by: actorOf(r.actor),
          eventId: r.eventId,
        });
        break;
      case 'PublicCriticismRecommended':
        publicCriticism.push({
          departmentId: e.data.departmentId,
          lateCaseIds: e.data.lateCaseIds,
          policyVersion: e.data.policyVersion,
          at: r.occurredAt,
          eventId: r.eventId,
        });
        break;
      default:
        break;
    }
  }
  const explained = new Map(explanations.map((x) => [x.cardId, x]));
  const violations: DossierViolation[] = detectViolations(recorded.map(toCaseEvent)).map((v) => ({
    violationId: v.violationId,
    code: v.code,
    label: label(VIOLATION_LABELS, v.code),
    rule: v.rule,
    staffId: v.staffId ?? null,
    staffName: v.staffName ?? null,
    windowId: v.windowId ?? null,
    departmentId: v.departmentId ?? null,
    detectedAt: v.detectedAt,
    evidence: v.evidence.map((id) => {
      const e = byId.get(id);
      return {
        eventId: id,
        revision: e?.revision ?? null,
        type: e?.type ?? null,
        label: e ? label(EVENT_LABELS, e.type) : '',
      };
    }),
  }));

  return {
    caseId: view.caseId,
    generatedAt,
    reader: { id: reader.id, name: reader.name, role: reader.role },
    personalDataMasked: !seesPersonalData(reader),
    case: view,
    names,
    result: dossierResult(recorded),
    deadlines,
    cards: cards.map((c) =>
      defined({ ...c, explanation: explained.get(c.cardId), revocation: revocations.get(c.cardId) }),
    ),
    explanations,
    stepFlags,
    violations,
    accountabilityActions: actions,
    publicCriticism,
    integrity,
    timeline,
  };
}

/** T9: the latest event before `revision` that set `deadline` (acceptance, resumption, extension). */
function deadlineEventOf(
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
