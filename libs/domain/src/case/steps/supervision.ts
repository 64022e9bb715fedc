/** The supervision process's steps (C1–C5, T10, F3, C6) and accountability (A1, A3). */
import { toShanghaiIso } from '../../calendar/index.js';
import { ALSO_TITLED } from '../../errors/also-titled.js';
import { refuse } from '../../errors/domain-error.js';
import { assessTimeliness, explanationDueAt } from '../../timeliness/assess-timeliness.js';
import type { CardFacts, CaseEvent } from '../case-events.js';
import { alreadyExists, blank, type Step } from './step-tools.js';

/** C1–C5, T10, F3: the cards, flags and warnings that are due and not yet in the stream. */
export const runSupervisionCheck: Step<'RunSupervisionCheck'> = (_command, state, { context, event }) => {
  const { clock, policy, now } = context;
  const assessment = assessTimeliness(state, policy, clock, now);
  const out: CaseEvent[] = [];
  for (const card of assessment.dueCards) {
    const facts: CardFacts = {
      cardId: card.cardId,
      level: card.level,
      deadline: toShanghaiIso(card.deadline),
      cause: card.cause,
      ...(state.departmentId !== undefined && { departmentId: state.departmentId }),
      ...(state.windowId !== undefined && { windowId: state.windowId }),
      policyVersion: policy.version,
      remainingMinutes: card.remainingMinutes,
      ...(card.level !== 'warning' && {
        explanationDueAt: toShanghaiIso(explanationDueAt(clock, policy, now)),
      }),
    };
    out.push(
      event(
        card.level === 'warning'
          ? 'WarningIssued'
          : card.level === 'yellow'
            ? 'YellowCardIssued'
            : 'RedCardIssued',
        facts,
      ),
    );
  }
  for (const s of assessment.overdueSteps)
    if (!s.raised)
      out.push(
        event('StepOverdueFlagged', {
          step: s.step,
          ref: s.ref,
          dueAt: toShanghaiIso(s.dueAt),
          policyVersion: policy.version,
        }),
      );
  if (assessment.referralFollowUpDue)
    out.push(
      event('ReferralFollowUpWarningIssued', {
        firstResponderId: state.firstResponder!.id,
        dueAt: toShanghaiIso(assessment.referralFollowUpDue.dueAt),
        policyVersion: policy.version,
      }),
    );
  return out;
};

/** C6: a department late too often is recommended for public criticism, once. */
export const recommendPublicCriticism: Step<'RecommendPublicCriticism'> = (
  command,
  state,
  { context, event },
) => {
  if (
    state.publicCriticismRecommended ||
    command.lateCaseIds.length === 0 ||
    state.departmentId === undefined
  )
    return [];
  return [
    event('PublicCriticismRecommended', {
      departmentId: state.departmentId,
      lateCaseIds: command.lateCaseIds,
      policyVersion: context.policy.version,
    }),
  ];
};

/** A3: an action on a detected violation (A1), with its note; each action once. */
export const recordAccountabilityAction: Step<'RecordAccountabilityAction'> = (command, state, { event }) => {
  if (!command.knownViolationIds.includes(command.violationId))
    return refuse(
      'A3_VIOLATION_NOT_FOUND',
      `No violation ${command.violationId} was detected on this case (A1).`,
      'violationId',
    );
  if (blank(command.note))
    return refuse('A3_ACTION_INCOMPLETE', 'An accountability action records a note (A3).', 'note');
  if (state.actionIds.includes(command.actionId))
    return alreadyExists('Action', command.actionId, ALSO_TITLED.actionExists);
  return [
    event('AccountabilityActionRecorded', {
      actionId: command.actionId,
      violationId: command.violationId,
      action: command.action,
      note: command.note,
    }),
  ];
};
