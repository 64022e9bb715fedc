/**
 * Pure: the S1 figures of a period from the per-day counts the projector keeps: sums of the counts,
 * and the rates and average derived from the sums exactly as the domain's `serviceStatistics`
 * derives them (on-time rate = on time / completed, satisfaction = 4–5 scores / evaluations).
 */
import type { ServiceStatistics } from '#domain/statistics/service-statistics.js';
import {
  COUNTER_NAMES,
  ZERO_COUNTERS,
  type StatisticsCounters,
} from '#infra/read-store/documents/statistics-documents.js';

export function sumCounters(days: readonly StatisticsCounters[]): StatisticsCounters {
  const total = { ...ZERO_COUNTERS };
  for (const day of days) for (const k of COUNTER_NAMES) total[k] += day[k];
  return total;
}

export function figuresOf(total: StatisticsCounters, overdueNow: number): ServiceStatistics {
  return {
    received: total.received,
    accepted: total.accepted,
    rejected: total.rejected,
    completed: total.completed,
    immediate: total.immediate,
    completedOnTime: total.completedOnTime,
    onTimeRate: total.completed ? total.completedOnTime / total.completed : null,
    overdueNow,
    averageWorkingDaysToComplete: total.completed ? total.workingDaysToComplete / total.completed : null,
    complaints: total.complaints,
    substantiatedComplaints: total.substantiatedComplaints,
    evaluations: total.evaluations,
    satisfactionRate: total.evaluations ? total.satisfied / total.evaluations : null,
  };
}
