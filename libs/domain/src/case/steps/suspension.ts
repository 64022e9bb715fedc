import { toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import type { SuspendCase } from '../case-commands.js';
import { STATUTORY_SUSPENSION_TYPES } from '../case-events.js';
import type { CaseState } from '../case-state.js';
import { blank, illegal, invalid, notifiedAt, rule, type Decision, type StepTools } from './step-tools.js';

const isStatutory = (type: string): boolean =>
  (STATUTORY_SUSPENSION_TYPES as readonly string[]).includes(type);

/**
 * T6: a suspension of a statutory type (art. 45), or of a local type the center allows, which is
 * recorded as local and flagged for audit (LOCAL_SUSPENSION); with its reason, the time needed as
 * told to the applicant in writing (`expectedDays`) and when the applicant was told.
 */
export function suspendCase(command: SuspendCase, state: CaseState, tools: StepTools): Decision {
  if (state.status !== 'accepted') return illegal(state, 'a suspension');
  const missing = blank(command.reason)
    ? 'reason'
    : blank(command.applicantNotifiedAt)
      ? 'applicantNotifiedAt'
      : command.expectedDays === undefined
        ? 'expectedDays'
        : undefined;
  if (missing)
    return rule(
      'T6_SUSPENSION_INCOMPLETE',
      '特殊环节须写明类型、理由、所需时间及书面告知时间',
      'A suspension needs a type, a reason, the time needed as told to the applicant (expectedDays) and when the applicant was told in writing (T6).',
      missing,
    );
  const days = command.expectedDays!;
  if (!Number.isInteger(days) || days < 1 || days > 365)
    return invalid('expectedDays', 'expectedDays is a whole number of working days, 1 to 365 (T6, T14).');
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
}
