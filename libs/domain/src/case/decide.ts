import type { EpochMs } from '../calendar/calendar-types.js';
import { deadlineAfterWorkingDays, toShanghaiIso, withinInputRange } from '../calendar/index.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { authorize } from './authorize.js';
import type { CaseCommand } from './case-commands.js';
import type { CaseEvent, CaseEventOf, CaseEventType } from './case-events.js';
import type { CaseState } from './case-state.js';
import { BACKDATE_TOLERANCE_MS, FUTURE_TOLERANCE_MS, type DecisionContext } from './decision-context.js';
import {
  acceptApplication,
  rejectApplication,
  requestSupplement,
  submitApplication,
  submitSupplement,
} from './steps/application.js';
import {
  appealEvaluation,
  decideEvaluationAppeal,
  recordEvaluationCallback,
  rectifyEvaluation,
} from './steps/bad-review.js';
import { explainCard, revokeCard } from './steps/cards.js';
import { grantExtension, resumeCase, suspendCase } from './steps/clock.js';
import { completeCase, deliverDecision, withdrawCase } from './steps/closing.js';
import { concludeComplaint, fileComplaint } from './steps/complaints.js';
import { issueEvaluationInvitation, submitEvaluation } from './steps/evaluations.js';
import { answerInquiry, referInquiry, registerInquiry } from './steps/inquiry.js';
import { completePreliminaryReview } from './steps/preliminary-review.js';
import {
  blank,
  CURRENT_SCHEMA_VERSION,
  invalid,
  outOfBounds,
  safeInstant,
  type CommandOf,
  type Decision,
  type Steps,
  type StepTools,
} from './steps/step-tools.js';
import {
  recommendPublicCriticism,
  recordAccountabilityAction,
  runSupervisionCheck,
} from './steps/supervision.js';

export type { Decision } from './steps/step-tools.js';

/** One step per command (steps/*.ts); a command type without a step here does not compile. */
const STEPS: Steps = {
  RegisterInquiry: registerInquiry,
  AnswerInquiry: answerInquiry,
  ReferInquiry: referInquiry,
  SubmitApplication: submitApplication,
  RequestSupplement: requestSupplement,
  SubmitSupplement: submitSupplement,
  RejectApplication: rejectApplication,
  AcceptApplication: acceptApplication,
  SuspendCase: suspendCase,
  ResumeCase: resumeCase,
  GrantExtension: grantExtension,
  CompleteCase: completeCase,
  DeliverDecision: deliverDecision,
  CompletePreliminaryReview: completePreliminaryReview,
  WithdrawCase: withdrawCase,
  FileComplaint: fileComplaint,
  ConcludeComplaint: concludeComplaint,
  SubmitEvaluation: submitEvaluation,
  IssueEvaluationInvitation: issueEvaluationInvitation,
  RectifyEvaluation: rectifyEvaluation,
  RecordEvaluationCallback: recordEvaluationCallback,
  AppealEvaluation: appealEvaluation,
  DecideEvaluationAppeal: decideEvaluationAppeal,
  ExplainCard: explainCard,
  RevokeCard: revokeCard,
  RecordAccountabilityAction: recordAccountabilityAction,
  RunSupervisionCheck: runSupervisionCheck,
  RecommendPublicCriticism: recommendPublicCriticism,
};

/** The step of a command's own type (the map's key and the command's type are the same K). */
const runStep = <K extends CaseCommand['type']>(
  type: K,
  command: CommandOf<K>,
  state: CaseState,
  tools: StepTools,
): Decision => {
  const step: Steps[K] = STEPS[type];
  return step(command, state, tools);
};

/**
 * decide(command, state, context) → the events the command records, or the rule it breaks.
 * Pure: time, calendar, policy and catalog data come in through `context`. The preamble every
 * step shares (the case exists, the actor may act, the business time) runs here, once.
 */
export function decide(command: CaseCommand, state: CaseState, context: DecisionContext): Decision {
  if (command.type === 'RegisterInquiry') {
    if (state.status !== 'none')
      return refuse('CASE_ALREADY_EXISTS', `Case ${command.caseId} already exists.`);
  } else if (state.status === 'none') {
    return refuse('CASE_NOT_FOUND', 'No case with this id has been registered.');
  }
  // T14: a clock outside 2000–2099 (a manual one moved too far) records nothing.
  if (!withinInputRange(context.now)) return outOfBounds('now');
  const denied = authorize(
    command,
    state,
    command.type === 'SubmitApplication' ? context.matter?.departmentId : undefined,
  );
  if (denied) return denied;

  const when = resolveOccurredAt(command, state, context.now);
  if (typeof when !== 'number') return when;
  const event = <T extends CaseEventType>(type: T, data: CaseEventOf<T>['data']): CaseEvent =>
    ({
      type,
      schemaVersion: CURRENT_SCHEMA_VERSION[type] ?? 1,
      occurredAt: toShanghaiIso(when),
      actor: command.actor,
      data: blank(command.lateEntryReason)
        ? data
        : { ...data, lateEntryReason: command.lateEntryReason!.trim() },
    }) as CaseEvent;
  const workingDaysLater = (days: number, from: EpochMs = when): EpochMs =>
    deadlineAfterWorkingDays(context.clock, from, days).value;
  return runStep(command.type, command, state, { when, context, event, workingDaysLater });
}

/**
 * U2: business time defaults to now, but never to before the case's previous step (a manual clock
 * restarted behind the store's latest event, or a system clock set back, must not reorder a case's
 * steps); a back-dated entry needs a reason; the future is refused.
 */
function resolveOccurredAt(command: CaseCommand, state: CaseState, now: EpochMs): EpochMs | DomainError {
  if (command.occurredAt === undefined) return Math.max(now, state.lastOccurredAt ?? now);
  const t = safeInstant(command.occurredAt);
  if (t === undefined) return invalid('occurredAt', 'occurredAt is not an ISO-8601 instant with offset.');
  if (!withinInputRange(t)) return outOfBounds('occurredAt');
  if (t > now + FUTURE_TOLERANCE_MS)
    return refuse('U2_OCCURRED_IN_FUTURE', 'occurredAt lies in the future (U2).', 'occurredAt');
  if (now - t > BACKDATE_TOLERANCE_MS && blank(command.lateEntryReason))
    return refuse(
      'U2_LATE_ENTRY_REASON_REQUIRED',
      'An entry more than 10 minutes in the past is a back-dated entry (补录) and needs lateEntryReason (U2).',
      'lateEntryReason',
    );
  if (state.lastOccurredAt !== undefined && t < state.lastOccurredAt)
    return refuse(
      'U2_OCCURRED_BEFORE_PREVIOUS_STEP',
      `occurredAt is earlier than the case's previous step at ${toShanghaiIso(state.lastOccurredAt)}.`,
      'occurredAt',
    );
  return Math.min(t, now);
}
