import type { EpochMs } from '../calendar/calendar-types.js';
import {
  addOfficeMinutes,
  deadlineAfterWorkingDays,
  officeMinutesBetween,
  officeMinutesPerDay,
  toShanghaiIso,
  type OfficeClock,
} from '../calendar/index.js';
import type { CardLevel, StepKind } from '../case/case-events.js';
import { clockStopped, currentSuspension, stepFlagKey, type CaseState } from '../case/case-state.js';
import { warningLeadDays, type TimelinessPolicy } from './timeliness-policy.js';

export type TimelinessLevel = 'normal' | CardLevel;

export interface DueCard {
  readonly cardId: string;
  readonly level: CardLevel;
  readonly cause: 'timeliness' | 'explanation_overdue';
  readonly deadline: EpochMs;
  readonly remainingMinutes: number;
}

export interface OverdueStep {
  readonly step: StepKind;
  readonly ref: string;
  readonly dueAt: EpochMs;
  /** Whether the flag is already recorded in the case's stream. */
  readonly raised: boolean;
}

export interface TimelinessAssessment {
  /** The deadline in force, when the case has one (accepted, suspended, completed). */
  readonly deadline?: EpochMs;
  /** Office minutes left until the deadline; negative when overdue; frozen while suspended (T6). */
  readonly remainingMinutes?: number;
  readonly level: TimelinessLevel;
  /** Cards due now that the stream does not hold yet (C1–C3), lowest level first. */
  readonly dueCards: readonly DueCard[];
  /** Steps over their own limits (T10), raised or not. */
  readonly overdueSteps: readonly OverdueStep[];
  /** F3: the referral follow-up warning is due and not yet raised. */
  readonly referralFollowUpDue?: { readonly dueAt: EpochMs };
  /** When supervision should look again; undefined when nothing can fall due any more. */
  readonly nextCheckAt?: EpochMs;
}

const LEVEL_RANK: Record<TimelinessLevel, number> = { normal: 0, warning: 1, yellow: 2, red: 3 };

/** A card's id says which level of which deadline it is, so it can be issued once (C4). */
export function cardIdFor(level: CardLevel, deadline: EpochMs): string {
  // `yellow-202510141730`: the deadline's Asia/Shanghai wall time (T1), readable in URLs.
  return `${level}-${toShanghaiIso(deadline).slice(0, 16).replace(/[-:T]/g, '')}`;
}

/**
 * (case state, policy, calendar, now) → deadline, remaining office time, level, due cards, overdue
 * steps and the next instant worth checking (DESIGN.md "Timeliness is a pure function too").
 */
export function assessTimeliness(
  state: CaseState,
  policy: TimelinessPolicy,
  clock: OfficeClock,
  now: EpochMs,
): TimelinessAssessment {
  const checks: EpochMs[] = [];
  const later = (t: EpochMs | undefined): void => {
    if (t !== undefined && t > now) checks.push(t);
  };
  const overdueSteps: OverdueStep[] = [];
  const step = (kind: StepKind, ref: string, dueAt: EpochMs, open: boolean): void => {
    if (!open) return;
    if (now > dueAt)
      overdueSteps.push({
        step: kind,
        ref,
        dueAt,
        raised: state.raisedFlags.includes(stepFlagKey(kind, ref)),
      });
    else later(dueAt + 1);
  };

  // N2 / T10: no notice and no decision within 5 working days of receipt.
  if (state.noticeDueAt !== undefined)
    step(
      'supplement_notice',
      'case',
      state.noticeDueAt,
      state.status === 'received' && state.notices.length === 0,
    );

  // F3: a referral still open after its follow-up limit.
  let referralFollowUpDue: TimelinessAssessment['referralFollowUpDue'];
  const r = state.referral;
  if (r && r.closedAt === undefined && state.status === 'referred') {
    if (now > r.followUpDueAt) {
      if (!state.raisedFlags.includes(stepFlagKey('referral', 'follow-up-warning')))
        referralFollowUpDue = { dueAt: r.followUpDueAt };
    } else later(r.followUpDueAt + 1);
  }

  for (const c of state.complaints) step('complaint', c.complaintId, c.dueAt, c.concludedAt === undefined);
  for (const e of state.evaluations) {
    // P6: an upheld appeal ends what the bad review asked for.
    const standing = e.appealUpheld !== true;
    if (e.rectifyBy !== undefined)
      step('rectification', String(e.evaluationNo), e.rectifyBy, standing && e.rectifiedAt === undefined);
    if (e.callbackDueAt !== undefined)
      step('callback', String(e.evaluationNo), e.callbackDueAt, standing && e.calledBackAt === undefined);
  }
  // T12: an approval's delivery; T13: an escalated case's preliminary review.
  const d = state.decision;
  if (d?.deliveryDueAt !== undefined) step('delivery', 'case', d.deliveryDueAt, state.status === 'decided');
  const review = state.preliminaryReview;
  if (review)
    step(
      'preliminary_review',
      'case',
      review.dueAt,
      review.completedAt === undefined && (state.status === 'accepted' || state.status === 'suspended'),
    );

  const dueCards: DueCard[] = [];
  const activeCards = state.cards.filter((c) => c.revokedAt === undefined);
  // C5 / T10: explanations of yellow and red cards, while the case or the card is still answerable.
  for (const c of activeCards)
    if (c.explanationDueAt !== undefined)
      step('explanation', c.cardId, c.explanationDueAt, c.explainedAt === undefined);

  let level: TimelinessLevel = 'normal';
  let remainingMinutes: number | undefined;
  const deadline = state.deadline;
  if (deadline !== undefined && state.acceptance !== undefined) {
    const suspension = currentSuspension(state);
    const measuredAt = state.completedAt ?? suspension?.suspendedAt ?? state.closedAt ?? now;
    remainingMinutes =
      measuredAt > deadline
        ? -officeMinutesBetween(clock, deadline, measuredAt).value
        : officeMinutesBetween(clock, measuredAt, deadline).value;
    const perDay = officeMinutesPerDay(clock.hours);
    const lead =
      state.acceptance.limitMinutes !== undefined
        ? policy.immediateWarningLeadMinutes
        : warningLeadDays(policy, state.acceptance.limitDays ?? 0) * perDay;
    const redAfter = policy.redAfterOverdueDays * perDay;
    if (measuredAt > deadline) level = -remainingMinutes >= redAfter ? 'red' : 'yellow';
    else if (remainingMinutes <= lead) level = 'warning';

    const open = !clockStopped(state);
    if (open) {
      const has = (lvl: CardLevel): boolean =>
        activeCards.some((c) => c.level === lvl && c.deadline === deadline);
      const issuedEver = (lvl: CardLevel): boolean =>
        state.cards.some((c) => c.level === lvl && c.deadline === deadline);
      const due = (lvl: CardLevel, cause: DueCard['cause']): void => {
        if (!issuedEver(lvl))
          dueCards.push({
            cardId: cardIdFor(lvl, deadline),
            level: lvl,
            cause,
            deadline,
            remainingMinutes: remainingMinutes!,
          });
      };
      // A warning after the deadline has passed warns of nothing; yellow and red are never skipped (C1–C3).
      if (level === 'warning') due('warning', 'timeliness');
      if (LEVEL_RANK[level] >= LEVEL_RANK.yellow) due('yellow', 'timeliness');
      if (level === 'red') due('red', 'timeliness');
      // C3, second clause: a yellow card whose written explanation is itself overdue turns red.
      const yellowOverdue = activeCards.some(
        (c) =>
          c.level === 'yellow' &&
          c.explainedAt === undefined &&
          c.explanationDueAt !== undefined &&
          now > c.explanationDueAt,
      );
      if (yellowOverdue && level !== 'red' && !has('red')) {
        level = 'red';
        due('red', 'explanation_overdue');
      } else if (yellowOverdue) level = 'red';
      if (activeCards.some((c) => c.level === 'red' && c.deadline === deadline)) level = 'red';

      if (!suspension) {
        if (LEVEL_RANK[level] < LEVEL_RANK.warning) later(addOfficeMinutes(clock, deadline, -lead).value);
        if (LEVEL_RANK[level] < LEVEL_RANK.yellow) later(deadline + 1);
        if (LEVEL_RANK[level] < LEVEL_RANK.red) later(addOfficeMinutes(clock, deadline, redAfter).value);
      }
    }
  }

  const nextCheckAt = checks.length ? Math.min(...checks) : undefined;
  return {
    ...(deadline !== undefined && { deadline }),
    ...(remainingMinutes !== undefined && { remainingMinutes }),
    level: deadline === undefined ? level : belowRevoked(state, deadline, level),
    dueCards,
    overdueSteps,
    ...(referralFollowUpDue && { referralFollowUpDue }),
    ...(nextCheckAt !== undefined && { nextCheckAt }),
  };
}

/**
 * C4: a card a supervisor revoked for this deadline no longer sets the level: the level falls to
 * the highest one below it that no revocation cancels (a revoked red card, a yellow card still
 * standing → yellow), whatever the clock says, since supervision will not issue it again.
 */
function belowRevoked(state: CaseState, deadline: EpochMs, level: TimelinessLevel): TimelinessLevel {
  const cards = state.cards.filter((c) => c.deadline === deadline);
  const cancelled = (lvl: TimelinessLevel): boolean =>
    cards.some((c) => c.level === lvl && c.revokedAt !== undefined) &&
    !cards.some((c) => c.level === lvl && c.revokedAt === undefined);
  const order: readonly TimelinessLevel[] = ['normal', 'warning', 'yellow', 'red'];
  let rank = LEVEL_RANK[level];
  while (rank > 0 && cancelled(order[rank]!)) rank--;
  return order[rank]!;
}

/** C5: a yellow or red card's written explanation is due at close of office 2 working days after issue. */
export function explanationDueAt(clock: OfficeClock, policy: TimelinessPolicy, issuedAt: EpochMs): EpochMs {
  return deadlineAfterWorkingDays(clock, issuedAt, policy.explanationDays).value;
}
