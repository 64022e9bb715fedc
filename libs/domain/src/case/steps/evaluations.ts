import { MS_PER_DAY, toShanghaiIso } from '../../calendar/index.js';
import { refuse } from '../../errors/domain-error.js';
import { DEFAULT_CALLBACK_DAYS, EVALUATION_INVITATION_DAYS } from '../../timeliness/timeliness-policy.js';
import type { EvaluationChannel } from '../case-events.js';
import { blank, invalid, type Step } from './step-tools.js';

/**
 * P4, P5: a rating 1–5. The applicant rates through a one-time invitation (the token names it;
 * it works once and expires); staff enter ratings from the window's device or for the applicant
 * (`proxy`, flagged PROXY_RATING), and a staff rating that does not say is taken as `proxy`, so no
 * rating by staff goes unnoticed. One rating per case and channel. A bad review (1, 2) is due for
 * rectification (P4) and a callback (P6).
 */
export const submitEvaluation: Step<'SubmitEvaluation'> = (command, state, tools) => {
  if (!Number.isInteger(command.score) || command.score < 1 || command.score > 5)
    return refuse(
      'P4_SCORE_OUT_OF_RANGE',
      'score must be a whole number from 1 (非常不满意) to 5 (非常满意) (P4).',
      'score',
    );
  const byApplicant = command.actor.role === 'applicant';
  const channel: EvaluationChannel = byApplicant ? 'invitation' : (command.channel ?? 'proxy');
  if (!byApplicant && channel === 'invitation')
    return invalid(
      'channel',
      'Staff enter ratings from the device or for the applicant (proxy); the invitation is the applicant’s own (P5).',
    );
  if (byApplicant) {
    const invitation = state.invitations.find((i) => i.invitationId === command.invitationId);
    if (!invitation)
      return refuse('P5_INVITATION_INVALID', 'This invitation was not issued for this case (P5).');
    if (state.evaluations.some((e) => e.invitationId === invitation.invitationId))
      return refuse('P5_INVITATION_USED', 'This invitation has already been used; it works once (P5).');
    if (tools.context.now > invitation.expiresAt)
      return refuse(
        'P5_INVITATION_EXPIRED',
        `This invitation expired at ${toShanghaiIso(invitation.expiresAt)} (P5).`,
      );
  }
  if (state.evaluations.some((e) => e.channel === channel))
    return refuse(
      'P5_CHANNEL_ALREADY_RATED',
      `This case already has a rating through the channel '${channel}' (P5).`,
      'channel',
    );
  const bad = command.score <= 2;
  const policy = tools.context.policy;
  return [
    tools.event('EvaluationSubmitted', {
      evaluationNo: state.evaluations.length + 1,
      score: command.score as 1 | 2 | 3 | 4 | 5,
      ...(command.comment !== undefined && { comment: command.comment }),
      bad,
      ...(bad && { rectifyBy: toShanghaiIso(tools.workingDaysLater(policy.rectificationDays)) }), // P4
      channel,
      ...(byApplicant && { invitationId: command.invitationId! }),
      ...(bad && {
        callbackDueAt: toShanghaiIso(tools.workingDaysLater(policy.callbackDays ?? DEFAULT_CALLBACK_DAYS)), // P6
      }),
    }),
  ];
};

/** P5: a one-time invitation, issued once the case is decided; valid 30 days. */
export const issueEvaluationInvitation: Step<'IssueEvaluationInvitation'> = (command, state, tools) => {
  if (state.completedAt === undefined)
    return refuse(
      'P5_NOT_DECIDED_YET',
      'An invitation to rate is issued at completion, once the case is decided (P5).',
    );
  if (state.evaluations.some((e) => e.channel === 'invitation'))
    return refuse(
      'P5_CHANNEL_ALREADY_RATED',
      'The applicant has already rated this case through an invitation (P5).',
    );
  if (blank(command.invitationId)) return invalid('invitationId', 'An invitation has an id.');
  return [
    tools.event('EvaluationInvitationIssued', {
      invitationId: command.invitationId,
      expiresAt: toShanghaiIso(tools.context.now + EVALUATION_INVITATION_DAYS * MS_PER_DAY),
    }),
  ];
};
