import type { Role } from '../actor/actor.js';
import type { EpochMs } from '../calendar/calendar-types.js';
import { deadlineAfterWorkingDays, toShanghaiIso, type OfficeClock } from '../calendar/index.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import type { TimelinessPolicy } from '../timeliness/timeliness-policy.js';
import { complaintNotFound, complaintVisibleTo } from './complaint-access.js';
import type { ComplaintCommand } from './complaint-commands.js';
import type { ComplaintEvent, ComplaintEventType } from './complaint-events.js';
import { complaintOverdue, type ComplaintState } from './complaint-state.js';

export interface ComplaintContext {
  readonly now: EpochMs;
  readonly clock: OfficeClock;
  readonly policy: TimelinessPolicy;
}

export type ComplaintDecision = readonly ComplaintEvent[] | DomainError;

const ROLES: Record<ComplaintCommand['type'], readonly Role[]> = {
  ReceiveComplaint: ['guide', 'window', 'supervisor'],
  StartComplaintInvestigation: ['supervisor'],
  ConcludeStandaloneComplaint: ['supervisor'],
  SuperviseComplaint: ['system'],
};

const blank = (s: string | undefined): boolean => typeof s !== 'string' || s.trim() === '';
const incomplete = (field: string): DomainError =>
  refuse(
    'P1_COMPLAINT_INCOMPLETE',
    'A complaint records its channel, subject (with the id of a staff member, window or case) and content (P1).',
    field,
  );

/**
 * P1, P2: a complaint without a case. Accepted at any hour (no office-hours check), by the staff
 * of the complaint's center; investigated and concluded by the center's supervisors; concluded
 * within 5 working days of receipt (default), else recorded late and flagged once (T10).
 */
export function decideComplaint(
  command: ComplaintCommand,
  state: ComplaintState,
  context: ComplaintContext,
): ComplaintDecision {
  const { actor } = command;
  if (
    command.type !== 'ReceiveComplaint' &&
    (state.status === 'none' || !complaintVisibleTo(actor, state.received?.centerId))
  )
    return complaintNotFound();
  if (!ROLES[command.type].includes(actor.role))
    return refuse(
      'ROLE_NOT_ALLOWED',
      `Role '${actor.role}' may not issue ${command.type}; allowed: ${ROLES[command.type].join(', ')}.`,
    );
  // Staff receive complaints in their own center (R1); the center is the one the request names.
  if (command.type === 'ReceiveComplaint' && !complaintVisibleTo(actor, command.centerId))
    return refuse(
      'OUT_OF_SCOPE',
      `The complaint belongs to center ${command.centerId}; the actor works for center ${actor.centerId ?? 'none'}.`,
    );
  const at = toShanghaiIso(context.now);
  const event = <T extends ComplaintEventType>(type: T, data: Extract<ComplaintEvent, { type: T }>['data']) =>
    ({ type, schemaVersion: 1, occurredAt: at, actor, data }) as ComplaintEvent;

  switch (command.type) {
    case 'ReceiveComplaint': {
      if (state.status !== 'none')
        return refuse(
          'P1_COMPLAINT_ALREADY_RECEIVED',
          `Complaint ${command.complaintId} has already been received.`,
        );
      if (blank(command.channel)) return incomplete('channel');
      if (blank(command.content)) return incomplete('content');
      if (command.subject.kind !== 'center' && blank(command.subject.id)) return incomplete('subject.id');
      if (command.complainant && blank(command.complainant.name)) return incomplete('complainant.name');
      const dueAt = deadlineAfterWorkingDays(context.clock, context.now, context.policy.complaintDays).value;
      return [
        event('ComplaintReceived', {
          complaintId: command.complaintId,
          centerId: command.centerId,
          channel: command.channel,
          subject: command.subject,
          content: command.content,
          ...(command.complainant && { complainant: command.complainant }),
          receiptNo: command.complaintId,
          queryCodeHash: command.queryCodeHash,
          dueAt: toShanghaiIso(dueAt),
        }),
      ];
    }
    case 'StartComplaintInvestigation':
      if (state.status === 'investigating')
        return refuse(
          'P2_COMPLAINT_ALREADY_INVESTIGATING',
          'This complaint is already being investigated (P2).',
        );
      if (state.status !== 'received') return alreadyConcluded();
      if (blank(command.note))
        return refuse('VALIDATION_FAILED', 'An investigation starts with a note.', 'note');
      return [event('ComplaintInvestigationStarted', { note: command.note })];
    case 'ConcludeStandaloneComplaint':
      if (state.status === 'concluded') return alreadyConcluded();
      if (blank(command.reply))
        return refuse(
          'VALIDATION_FAILED',
          'A conclusion carries the reply to the complainant (P2).',
          'reply',
        );
      return [
        event('ComplaintConclusionRecorded', {
          substantiated: command.substantiated,
          reply: command.reply,
          late: context.now > state.dueAt!,
        }),
      ];
    case 'SuperviseComplaint':
      if (state.overdueFlagged || !complaintOverdue(state, context.now)) return [];
      return [
        event('ComplaintOverdueFlagged', {
          dueAt: toShanghaiIso(state.dueAt!),
          policyVersion: context.policy.version,
        }),
      ];
  }
}

const alreadyConcluded = (): DomainError =>
  refuse('P2_COMPLAINT_ALREADY_CONCLUDED', 'This complaint has already been concluded (P2).');
