/** The steps that close a case: the decision (办结), its delivery (T12), a withdrawal. */
import { officeMinutesBetween, toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import { STATUTORY_DELIVERY_DAYS } from '../../timeliness/timeliness-policy.js';
import { clockStopped } from '../case-state.js';
import { blank, illegal, invalid, type Step } from './step-tools.js';

/**
 * N6: whether a denial's notice tells of both remedies of art. 38, administrative reconsideration
 * (行政复议) and administrative suit (行政诉讼). Notices are written in Chinese at these centers.
 */
const namesBothRemedies = (notice: string): boolean => notice.includes('复议') && notice.includes('诉讼');

/**
 * The decision (办结). An approval waits for its delivery, due within 10 working days (T12); a denial
 * gives written reasons and the notice of remedies (N6) and is delivered with the decision.
 */
export const completeCase: Step<'CompleteCase'> = (command, state, tools) => {
  if (state.status !== 'accepted') return illegal(state, 'a completion');
  if (blank(command.decisionNo)) return invalid('decisionNo', 'A decision has a number.');
  const denied = command.outcome === 'denied';
  if (denied && !(command.reasons ?? []).some((r) => !blank(r)))
    return refuse(
      'N6_DENIAL_WITHOUT_REASONS',
      'A denial gives its reasons in writing (N6, art. 38).',
      'reasons',
    );
  if (denied && (blank(command.remediesNotice) || !namesBothRemedies(command.remediesNotice!)))
    return refuse(
      'N6_DENIAL_WITHOUT_REMEDIES_NOTICE',
      'A denial tells the applicant of the right to apply for administrative reconsideration (行政复议) and to bring an administrative suit (行政诉讼) (N6, art. 38); remediesNotice must name both.',
      'remediesNotice',
    );
  const { when } = tools;
  const deadline = state.deadline!;
  // onTime is calendar time against the deadline instant, as the cards judge it (C2: yellow the
  // minute after); overdueMinutes counts office minutes, at least 1 when late, so a completion
  // at 17:31 after a 17:30 deadline (office closed) reads late by 1, never `onTime: false, 0`.
  const overdue =
    when > deadline ? Math.max(1, officeMinutesBetween(tools.context.clock, deadline, when).value) : 0;
  return [
    tools.event('CaseCompleted', {
      outcome: command.outcome,
      decisionNo: command.decisionNo,
      ...(command.reasons !== undefined && { reasons: command.reasons }),
      ...(denied && { remediesNotice: command.remediesNotice! }),
      deadline: toShanghaiIso(deadline),
      onTime: when <= deadline,
      overdueMinutes: overdue,
      ...(denied
        ? { delivery: 'with_decision' as const }
        : {
            delivery: 'pending' as const,
            deliveryDueAt: toShanghaiIso(tools.workingDaysLater(STATUTORY_DELIVERY_DAYS)),
          }),
    }),
  ];
};

const CHANNELS: readonly string[] = ['window_pickup', 'post', 'electronic'];

/**
 * T12: an approval's licence or certificate reaches the applicant, by window pickup, post or
 * electronic licence; this closes the case. Past the 10 working days of art. 44 it is recorded as
 * late (flagged; the violation LATE_DELIVERY).
 */
export const deliverDecision: Step<'DeliverDecision'> = (command, state, tools) => {
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
};

/** An application is withdrawn before its decision; a decided approval awaits only delivery (T12). */
export const withdrawCase: Step<'WithdrawCase'> = (command, state, { event }) => {
  if (clockStopped(state)) return illegal(state, 'a withdrawal');
  if (blank(command.reason)) return invalid('reason', 'A withdrawal records its reason.');
  return [event('CaseWithdrawn', { reason: command.reason })];
};
