import { ALSO_TITLED } from '../errors/also-titled.js';
import { refuse, type DomainError } from '../errors/domain-error.js';
import { boundedCountRule, isBoundedCount, MAX_IMMEDIATE_MINUTES, MAX_LIMIT_DAYS } from './bounds.js';
import type { TimelinessPolicy } from './timeliness-policy.js';

/** C7: a new policy version must be complete and sensible before it is recorded. */
export function validatePolicy(p: TimelinessPolicy): DomainError | undefined {
  const bad = (field: string, detail: string): DomainError =>
    refuse('VALIDATION_FAILED', detail, field, ALSO_TITLED.policyInvalid);
  if (!p.version || p.version.trim() === '') return bad('version', 'A policy has a version name (C7).');
  if (p.warningLeads.length === 0) return bad('warningLeads', 'At least one warning lead row (C1).');
  for (let i = 1; i < p.warningLeads.length; i++)
    if (p.warningLeads[i]!.maxLimitDays <= p.warningLeads[i - 1]!.maxLimitDays)
      return bad('warningLeads', 'Warning lead rows are sorted by maxLimitDays, ascending (C1).');
  const optionalDays: [string, number | undefined][] = [
    ['callbackDays', p.callbackDays],
    ['appealDays', p.appealDays],
  ];
  const whole: [string, number][] = [
    ['immediateWarningLeadMinutes', p.immediateWarningLeadMinutes],
    ['redAfterOverdueDays', p.redAfterOverdueDays],
    ['explanationDays', p.explanationDays],
    ['supplementNoticeDays', p.supplementNoticeDays],
    ['referralFollowUpDays', p.referralFollowUpDays],
    ['complaintDays', p.complaintDays],
    ['rectificationDays', p.rectificationDays],
    // P6: absent in policies recorded before it (the defaults apply).
    ...optionalDays.flatMap(([field, n]): [string, number][] => (n === undefined ? [] : [[field, n]])),
    ['publicCriticism.consecutiveLate', p.publicCriticism.consecutiveLate],
    ['publicCriticism.withinDays', p.publicCriticism.withinDays],
    ...p.warningLeads.map((r, i): [string, number] => [`warningLeads[${i}].leadDays`, r.leadDays]),
  ];
  // T14: every count and limit is bounded (a year of days; a week of minutes for the lead).
  for (const [field, n] of whole) {
    const max = field === 'immediateWarningLeadMinutes' ? MAX_IMMEDIATE_MINUTES : MAX_LIMIT_DAYS;
    if (!isBoundedCount(n, max)) return bad(field, `${boundedCountRule(field, max)}.`);
  }
  return undefined;
}
