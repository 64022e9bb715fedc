import { toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import type { DeliverDecision } from '../case-commands.js';
import type { CaseState } from '../case-state.js';
import { illegal, invalid, type Decision, type StepTools } from './step-tools.js';

const CHANNELS: readonly string[] = ['window_pickup', 'post', 'electronic'];

/**
 * T12: an approval's licence or certificate reaches the applicant, by window pickup, post or
 * electronic licence; this closes the case. Past the 10 working days of art. 44 it is recorded as
 * late (flagged; the violation LATE_DELIVERY).
 */
export function deliverDecision(command: DeliverDecision, state: CaseState, tools: StepTools): Decision {
  if (state.status !== 'decided') {
    if (state.decision?.deliveredAt !== undefined)
      return refuse('T12_ALREADY_DELIVERED', 'This approval has already been delivered (T12).');
    if (state.status === 'completed')
      return refuse(
        'T12_DELIVERY_NOT_DUE',
        'Only an approval is delivered as its own step; a denial (and a case completed before T12) was delivered with its decision (T12).',
      );
    return illegal(state, 'a delivery');
  }
  if (!CHANNELS.includes(command.channel))
    return invalid('channel', `channel is one of ${CHANNELS.join(', ')} (T12).`);
  const dueAt = state.decision!.deliveryDueAt!;
  return [
    tools.event('DecisionDelivered', {
      channel: command.channel,
      ...(command.licenceNo !== undefined && { licenceNo: command.licenceNo }),
      ...(command.trackingNo !== undefined && { trackingNo: command.trackingNo }),
      dueAt: toShanghaiIso(dueAt),
      late: tools.when > dueAt,
    }),
  ];
}
