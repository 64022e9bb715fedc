import type { EpochMs } from '../calendar/calendar-types.js';
import { officeMinutesPerDay, officeMinutesBetween, type OfficeClock } from '../calendar/index.js';
import type { CaseState } from '../case/case-state.js';
import { inPeriod } from './period.js';

/** S1: the figures a window reports for a period (seed 001). */
export interface ServiceStatistics {
  readonly received: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly completed: number;
  readonly immediate: number;
  readonly completedOnTime: number;
  /** completedOnTime / completed, 0..1; null when nothing was completed. */
  readonly onTimeRate: number | null;
  readonly overdueNow: number;
  /** Mean working days from clock start to completion; null when nothing was completed. */
  readonly averageWorkingDaysToComplete: number | null;
  readonly complaints: number;
  readonly substantiatedComplaints: number;
  readonly evaluations: number;
  /** Share of evaluations scoring 4 or 5; null without evaluations. */
  readonly satisfactionRate: number | null;
}

/** S1 over the given cases, counting each step whose time falls in [from, to). */
export function serviceStatistics(
  cases: readonly CaseState[],
  clock: OfficeClock,
  from: EpochMs,
  to: EpochMs,
  now: EpochMs,
): ServiceStatistics {
  let received = 0,
    accepted = 0,
    rejected = 0,
    completed = 0,
    immediate = 0,
    onTime = 0,
    overdueNow = 0,
    minutesToComplete = 0,
    complaints = 0,
    substantiated = 0,
    evaluations = 0,
    satisfied = 0;
  const perDay = officeMinutesPerDay(clock.hours);
  for (const c of cases) {
    if (inPeriod(c.receivedAt, from, to)) received++;
    if (inPeriod(c.acceptance?.acceptedAt, from, to)) {
      accepted++;
      if (c.acceptance?.limitMinutes !== undefined) immediate++;
    }
    if (c.status === 'rejected' && inPeriod(c.closedAt, from, to)) rejected++;
    // Decided counts as completed (办结): an approval awaiting delivery (T12) was decided then.
    if ((c.status === 'completed' || c.status === 'decided') && inPeriod(c.completedAt, from, to)) {
      completed++;
      if (c.onTime) onTime++;
      minutesToComplete += officeMinutesBetween(clock, c.acceptance!.clockStartsAt, c.completedAt!).value;
    }
    if ((c.status === 'accepted' || c.status === 'suspended') && c.deadline !== undefined && now > c.deadline)
      overdueNow++;
    for (const k of c.complaints)
      if (inPeriod(k.filedAt, from, to)) {
        complaints++;
        if (k.substantiated) substantiated++;
      }
    for (const e of c.evaluations)
      if (inPeriod(e.submittedAt, from, to)) {
        evaluations++;
        if (e.score >= 4) satisfied++;
      }
  }
  return {
    received,
    accepted,
    rejected,
    completed,
    immediate,
    completedOnTime: onTime,
    onTimeRate: completed ? onTime / completed : null,
    overdueNow,
    averageWorkingDaysToComplete: completed ? minutesToComplete / perDay / completed : null,
    complaints,
    substantiatedComplaints: substantiated,
    evaluations,
    satisfactionRate: evaluations ? satisfied / evaluations : null,
  };
}
