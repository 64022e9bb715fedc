import { officeMinutesBetween, toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import { STATUTORY_DELIVERY_DAYS } from '../../timeliness/timeliness-policy.js';
import type { CompleteCase } from '../case-commands.js';
import type { CaseState } from '../case-state.js';
import { blank, illegal, invalid, type Decision, type StepTools } from './step-tools.js';

/**
 * N6: whether a denial's notice tells of both remedies of art. 38, administrative reconsideration
 * (行政复议) and administrative suit (行政诉讼). Notices are written in Chinese at these centers.
 */
const namesBothRemedies = (notice: string): boolean => notice.includes('复议') && notice.includes('诉讼');

/**
 * The decision (办结). An approval waits for its delivery, due within 10 working days (T12); a denial
 * gives written reasons and the notice of remedies (N6) and is delivered with the decision.
 */
export function completeCase(command: CompleteCase, state: CaseState, tools: StepTools): Decision {
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
}
