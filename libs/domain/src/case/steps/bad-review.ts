import { refuse, type DomainError } from '../../errors/domain-error.js';
import { DEFAULT_APPEAL_DAYS, DEFAULT_CALLBACK_DAYS } from '../../timeliness/timeliness-policy.js';
import { toShanghaiIso } from '../../calendar/index.js';
import type { CaseState, EvaluationRecord } from '../case-state.js';
import { FUTURE_TOLERANCE_MS } from '../decision-context.js';
import { blank, invalid, safeInstant, type Step } from './step-tools.js';

function evaluation(state: CaseState, evaluationNo: number): EvaluationRecord | DomainError {
  const e = state.evaluations.find((x) => x.evaluationNo === evaluationNo);
  return e ?? refuse('P4_EVALUATION_NOT_FOUND', `No evaluation ${evaluationNo} on this case.`);
}

/** P6: a bad review is called back once and appealed once; a second time is refused. */
const ONCE_PER_BAD_REVIEW = {
  callback: {
    done: (e: EvaluationRecord) => e.calledBackAt !== undefined,
    refusal: () =>
      refuse('P6_CALLBACK_ALREADY_RECORDED', 'This bad review has already been called back (P6).'),
  },
  appeal: {
    done: (e: EvaluationRecord) => e.appealedAt !== undefined,
    refusal: () => refuse('P6_ALREADY_APPEALED', 'This bad review has already been appealed (P6).'),
  },
} as const;

/** P6: the bad review (score 1 or 2) a callback or an appeal answers, while it has not had one. */
function badReviewAwaiting(
  state: CaseState,
  evaluationNo: number,
  step: keyof typeof ONCE_PER_BAD_REVIEW,
): EvaluationRecord | DomainError {
  const e = evaluation(state, evaluationNo);
  if ('kind' in e) return e;
  if (e.score > 2)
    return refuse(
      'P6_NOT_A_BAD_REVIEW',
      `Evaluation ${evaluationNo} scored ${e.score}; only bad reviews (1, 2) are called back or appealed (P6).`,
    );
  const once = ONCE_PER_BAD_REVIEW[step];
  return once.done(e) ? once.refusal() : e;
}

/** P6: every bad review gets a callback (回访) with its result, within 5 working days (CALLBACK_MISSING otherwise). */
export const recordEvaluationCallback: Step<'RecordEvaluationCallback'> = (command, state, tools) => {
  const e = badReviewAwaiting(state, command.evaluationNo, 'callback');
  if ('kind' in e) return e;
  if (blank(command.result)) return invalid('result', 'A callback records what the applicant said (P6).');
  const contacted = safeInstant(command.contactedAt);
  if (contacted === undefined)
    return invalid('contactedAt', 'contactedAt is not an ISO-8601 instant with offset.');
  if (contacted > tools.context.now + FUTURE_TOLERANCE_MS)
    return invalid('contactedAt', 'contactedAt lies in the future.');
  if (contacted < e.submittedAt) return invalid('contactedAt', 'A callback follows the review it answers.');
  const dueAt =
    e.callbackDueAt ??
    tools.workingDaysLater(tools.context.policy.callbackDays ?? DEFAULT_CALLBACK_DAYS, e.submittedAt);
  return [
    tools.event('EvaluationCallbackRecorded', {
      evaluationNo: e.evaluationNo,
      contactedAt: toShanghaiIso(contacted),
      result: command.result,
      late: contacted > dueAt,
    }),
  ];
};

/** P6: the department appeals a bad review (申诉) within 5 working days, with reasons. */
export const appealEvaluation: Step<'AppealEvaluation'> = (command, state, tools) => {
  const e = badReviewAwaiting(state, command.evaluationNo, 'appeal');
  if ('kind' in e) return e;
  if (blank(command.reason)) return invalid('reason', 'An appeal gives its reasons (P6).');
  const limit = tools.workingDaysLater(tools.context.policy.appealDays ?? DEFAULT_APPEAL_DAYS, e.submittedAt);
  if (tools.when > limit)
    return refuse(
      'P6_APPEAL_TOO_LATE',
      `A bad review is appealed within 5 working days, by ${toShanghaiIso(limit)} (P6).`,
    );
  return [tools.event('EvaluationAppealed', { evaluationNo: e.evaluationNo, reason: command.reason })];
};

/** P6: a supervisor upholds or rejects the appeal; upheld, the review leaves the rates (P7), never the record. */
export const decideEvaluationAppeal: Step<'DecideEvaluationAppeal'> = (command, state, tools) => {
  const e = state.evaluations.find((x) => x.evaluationNo === command.evaluationNo);
  if (!e || e.appealedAt === undefined)
    return refuse('P6_APPEAL_NOT_FOUND', `Evaluation ${command.evaluationNo} has no appeal to decide (P6).`);
  if (e.appealDecidedAt !== undefined)
    return refuse('P6_APPEAL_ALREADY_DECIDED', 'This appeal has already been decided (P6).');
  if (blank(command.reason)) return invalid('reason', 'The decision on an appeal gives its reasons (P6).');
  return [
    tools.event('EvaluationAppealDecided', {
      evaluationNo: e.evaluationNo,
      upheld: command.upheld,
      reason: command.reason,
    }),
  ];
};

/** P4: a bad review is verified and rectified within days; later is recorded as late. */
export const rectifyEvaluation: Step<'RectifyEvaluation'> = (command, state, { when, event }) => {
  const e = evaluation(state, command.evaluationNo);
  if ('kind' in e) return e;
  if (e.rectifyBy === undefined)
    return refuse(
      'P4_RECTIFICATION_NOT_NEEDED',
      'Only bad reviews (score 1 or 2) are verified and rectified (P4).',
    );
  if (e.rectifiedAt !== undefined)
    return refuse('P4_ALREADY_RECTIFIED', 'This bad review has already been handled (P4).');
  if (blank(command.action)) return invalid('action', 'A rectification says what was done.');
  return [
    event('EvaluationRectified', {
      evaluationNo: e.evaluationNo,
      valid: command.valid,
      action: command.action,
      late: when > e.rectifyBy,
    }),
  ];
};
