/**
 * Complaint histories (P1) for specs, made by the real decider so they stay valid: each command is
 * decided on the state the given events fold to, at `now` (ISO), with the default policy and the
 * built-in calendar; `complaintEventsAt` throws with the refusal when there is one.
 */
import type { Actor } from '../actor/actor.js';
import type {
  ComplaintCommand,
  ConcludeStandaloneComplaint,
  StartComplaintInvestigation,
  SuperviseComplaint,
} from '../complaint/complaint-commands.js';
import type { ComplaintEvent } from '../complaint/complaint-events.js';
import { foldComplaint } from '../complaint/complaint-state.js';
import { decideComplaint, type ComplaintDecision } from '../complaint/decide-complaint.js';
import { isDomainError } from '../errors/domain-error.js';
import { DEFAULT_TIMELINESS_POLICY } from '../timeliness/timeliness-policy.js';
import { at, clock, system } from './fixtures.js';

/** Supervision's look at a complaint without a case (T10, P2). */
export const complaintSupervision: SuperviseComplaint = { type: 'SuperviseComplaint', actor: system };

/** P2: `actor` starts investigating a complaint without a case, with a note of what is done. */
export const complaintInvestigation = (actor: Actor, note: string): StartComplaintInvestigation => ({
  type: 'StartComplaintInvestigation',
  actor,
  note,
});

/** P2: `actor` concludes a complaint without a case, substantiated or not, with the reply to the complainant. */
export const complaintConclusion = (
  actor: Actor,
  substantiated: boolean,
  reply: string,
): ConcludeStandaloneComplaint => ({ type: 'ConcludeStandaloneComplaint', actor, substantiated, reply });

/** Decides `command` on the complaint the given events build, at `now`. */
export const decideComplaintAt = (
  given: readonly ComplaintEvent[],
  command: ComplaintCommand,
  now: string,
): ComplaintDecision =>
  decideComplaint(command, foldComplaint(given), { now: at(now), clock, policy: DEFAULT_TIMELINESS_POLICY });

/** The events `command` records at `now`; throws with the refusal otherwise. */
export function complaintEventsAt(
  given: readonly ComplaintEvent[],
  command: ComplaintCommand,
  now: string,
): readonly ComplaintEvent[] {
  const decision = decideComplaintAt(given, command, now);
  if (isDomainError(decision)) throw new Error(`expected events, got ${JSON.stringify(decision)}`);
  return decision;
}

/** The given events followed by those `command` records at `now`; throws with the refusal otherwise. */
export const complaintHistoryAfter = (
  given: readonly ComplaintEvent[],
  command: ComplaintCommand,
  now: string,
): readonly ComplaintEvent[] => [...given, ...complaintEventsAt(given, command, now)];
