import { MS_PER_DAY, parseInstant } from '../calendar/index.js';
import type { TimelinessPolicy } from './timeliness-policy.js';

export interface CompletionRecord {
  readonly caseId: string;
  readonly departmentId: string;
  readonly completedAt: string;
  readonly onTime: boolean;
}

/**
 * C6: the latest completions of a department, if the last `consecutiveLate` of them were all late and
 * fall within `withinDays`; otherwise undefined. Completions of one department, in any order.
 */
export function publicCriticismDue(
  completions: readonly CompletionRecord[],
  policy: TimelinessPolicy,
): readonly string[] | undefined {
  const { consecutiveLate, withinDays } = policy.publicCriticism;
  const recent = [...completions]
    .sort((a, b) => parseInstant(a.completedAt) - parseInstant(b.completedAt))
    .slice(-consecutiveLate);
  if (recent.length < consecutiveLate || recent.some((c) => c.onTime)) return undefined;
  const span = parseInstant(recent[recent.length - 1]!.completedAt) - parseInstant(recent[0]!.completedAt);
  return span <= withinDays * MS_PER_DAY ? recent.map((c) => c.caseId) : undefined;
}
