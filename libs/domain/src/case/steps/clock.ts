/** The steps that move a case's clock: suspension and resumption (T6), extension (T7). */
import {
  addOfficeMinutes,
  deadlineAfterWorkingDays,
  officeMinutesBetween,
  toShanghaiIso,
} from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import { MAX_LIMIT_DAYS } from '../../timeliness/bounds.js';
import { STATUTORY_SUSPENSION_TYPES } from '../case-events.js';
import { currentSuspension } from '../case-state.js';
import { blank, deadlineFacts, illegal, invalid, notifiedAt, type Step } from './step-tools.js';

const isStatutory = (type: string): boolean =>
  (STATUTORY_SUSPENSION_TYPES as readonly string[]).includes(type);

/**
 * T6: a suspension of a statutory type (art. 45), or of a local type the center allows, which is
 * recorded as local and flagged for audit (LOCAL_SUSPENSION); with its reason, the time needed as
 * told to the applicant in writing (`expectedDays`) and when the applicant was told.
 */
export const suspendCase: Step<'SuspendCase'> = (command, state, tools) => {
  if (state.status !== 'accepted') return illegal(state, 'a suspension');
  const missing = blank(command.reason)
    ? 'reason'
    : blank(command.applicantNotifiedAt)
      ? 'applicantNotifiedAt'
      : command.expectedDays === undefined
        ? 'expectedDays'
        : undefined;
  if (missing)
    return refuse(
      'T6_SUSPENSION_INCOMPLETE',
      'A suspension needs a type, a reason, the time needed as told to the applicant (expectedDays) and when the applicant was told in writing (T6).',
      missing,
    );
  const days = command.expectedDays!;
  if (!Number.isInteger(days) || days < 1 || days > MAX_LIMIT_DAYS)
    return invalid(
      'expectedDays',
      `expectedDays is a whole number of working days, 1 to ${MAX_LIMIT_DAYS} (T6, T14).`,
    );
  const local = !isStatutory(command.suspensionType);
  if (local && !(tools.context.localSuspensionTypes ?? []).includes(command.suspensionType))
    return refuse(
      'T6_SUSPENSION_TYPE_NOT_ALLOWED',
      `'${command.suspensionType}' is neither a type of art. 45 (${STATUTORY_SUSPENSION_TYPES.join(', ')}) nor a local type this center allows (T6).`,
      'type',
    );
  const notified = notifiedAt(command.applicantNotifiedAt, state, tools.context.now);
  if (typeof notified !== 'number') return notified;
  return [
    tools.event('CaseSuspended', {
      suspensionNo: state.suspensions.length + 1,
      suspensionType: command.suspensionType,
      reason: command.reason,
      applicantNotifiedAt: toShanghaiIso(notified),
      expectedDays: days,
      local,
    }),
  ];
};

export const resumeCase: Step<'ResumeCase'> = (command, state, { when, context, event }) => {
  const open = currentSuspension(state);
  if (state.status !== 'suspended' || !open) return illegal(state, 'a resumption');
  if (open.suspensionNo !== command.suspensionNo)
    return refuse(
      'T6_SUSPENSION_NOT_FOUND',
      `The open suspension is number ${open.suspensionNo}, not ${command.suspensionNo}.`,
      'suspensionNo',
    );
  // T6: only office time inside the pause counts, once, however many nights and holidays it spans.
  const minutes = Math.max(0, officeMinutesBetween(context.clock, open.suspendedAt, when).value);
  const moved = addOfficeMinutes(context.clock, state.deadline!, minutes);
  return [
    event('CaseResumed', {
      suspensionNo: open.suspensionNo,
      suspendedOfficeMinutes: minutes,
      previousDeadline: toShanghaiIso(state.deadline!),
      ...deadlineFacts(moved.value, moved.provisional || state.provisional, context),
    }),
  ];
};

/** T7: one extension, before the deadline, within the matter's maximum, with reason and notice to the applicant. */
export const grantExtension: Step<'GrantExtension'> = (command, state, { when, context, event }) => {
  if (state.status !== 'accepted' && state.status !== 'suspended') return illegal(state, 'an extension');
  const m = state.matter!;
  if (m.kind === 'immediate')
    return refuse(
      'T7_NOT_EXTENDABLE',
      'An immediate case is done on the spot and cannot be extended (T3, T7).',
    );
  if (state.extension) return refuse('T7_SECOND_EXTENSION', 'A case may be extended at most once (T7).');
  if (when > state.deadline!)
    return refuse(
      'T7_EXTENSION_AFTER_DEADLINE',
      `An extension must be granted before the deadline ${toShanghaiIso(state.deadline!)} has passed (T7).`,
    );
  if (!Number.isInteger(command.days) || command.days < 1)
    return invalid('days', 'days is a whole number of working days, at least 1.');
  if (command.days > m.maxExtensionDays)
    return refuse(
      'T7_EXTENSION_TOO_LONG',
      `The matter allows at most ${m.maxExtensionDays} working days of extension; ${command.days} asked (T7).`,
      'days',
    );
  if (blank(command.reason) || blank(command.applicantNotifiedAt))
    return refuse(
      'T7_EXTENSION_INCOMPLETE',
      'An extension records its reason and when and how the applicant was told (T7).',
      blank(command.reason) ? 'reason' : 'applicantNotifiedAt',
    );
  const notified = notifiedAt(command.applicantNotifiedAt, state, context.now);
  if (typeof notified !== 'number') return notified;
  const moved = deadlineAfterWorkingDays(context.clock, state.deadline!, command.days);
  return [
    event('ExtensionGranted', {
      days: command.days,
      reason: command.reason,
      applicantNotifiedAt: toShanghaiIso(notified),
      channel: command.channel,
      previousDeadline: toShanghaiIso(state.deadline!),
      ...deadlineFacts(moved.value, moved.provisional || state.provisional, context),
    }),
  ];
};
