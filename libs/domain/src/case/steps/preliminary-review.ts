import { toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import { STATUTORY_PRELIMINARY_REVIEW_DAYS } from '../../timeliness/timeliness-policy.js';
import { blank, illegal, type Step } from './step-tools.js';

/**
 * T13: the accepting authority reviews an escalated case and forwards its materials to the deciding
 * authority within 20 working days of acceptance (art. 43); later is recorded as late (the
 * violation LATE_PRELIMINARY_REVIEW). The higher authority's decision then completes the case (T8).
 */
export const completePreliminaryReview: Step<'CompletePreliminaryReview'> = (command, state, tools) => {
  if (state.status !== 'accepted' && state.status !== 'suspended')
    return illegal(state, 'a preliminary review');
  if (state.matter?.kind !== 'escalated')
    return refuse(
      'T13_NOT_ESCALATED',
      `Only an escalated case (上报件) is reviewed and forwarded; this matter is ${state.matter?.kind ?? 'unknown'} (T13).`,
    );
  if (state.preliminaryReview?.completedAt !== undefined)
    return refuse('T13_ALREADY_REVIEWED', 'This case has already been reviewed and forwarded (T13).');
  if (blank(command.opinion) || blank(command.forwardedTo))
    return refuse(
      'T13_REVIEW_INCOMPLETE',
      'A preliminary review records its opinion and the authority it is forwarded to (T13).',
      blank(command.opinion) ? 'opinion' : 'forwardedTo',
    );
  // Cases accepted before T13 carry no due time: it is counted from acceptance now.
  const dueAt =
    state.preliminaryReview?.dueAt ??
    tools.workingDaysLater(STATUTORY_PRELIMINARY_REVIEW_DAYS, state.acceptance!.acceptedAt);
  return [
    tools.event('PreliminaryReviewCompleted', {
      opinion: command.opinion,
      forwardedTo: command.forwardedTo,
      dueAt: toShanghaiIso(dueAt),
      late: tools.when > dueAt,
    }),
  ];
};
