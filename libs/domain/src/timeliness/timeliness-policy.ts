/**
 * Every threshold of C1–C6 and T10 as versioned data (C7). A new policy is recorded as an event;
 * cards already issued keep the version they name.
 */
import { MAX_LIMIT_DAYS } from './bounds.js';

export interface WarningLead {
  /** Applies to limits up to and including this many working days. */
  readonly maxLimitDays: number;
  readonly leadDays: number;
}

export interface TimelinessPolicy {
  readonly version: string;
  /** C1: lead by promised limit, first matching row wins; the last row should have a very large max. */
  readonly warningLeads: readonly WarningLead[];
  /** C1: an immediate case is warned when this many office minutes are left (30 − 20 = 10). */
  readonly immediateWarningLeadMinutes: number;
  /** C3: red once the office time overdue reaches this many working days. */
  readonly redAfterOverdueDays: number;
  /** C5 / T10: written explanation within this many working days of a yellow or red card. */
  readonly explanationDays: number;
  /** N2 / T10: supplement notice within this many working days of receipt. */
  readonly supplementNoticeDays: number;
  /** F3 / T10: a referral open longer raises a follow-up warning. */
  readonly referralFollowUpDays: number;
  /** P2 / T10. */
  readonly complaintDays: number;
  /** P4 / T10. */
  readonly rectificationDays: number;
  /** P6: a bad review's callback within this many working days (default 5; absent in older policies). */
  readonly callbackDays?: number;
  /** P6: the department may appeal a bad review within this many working days (default 5). */
  readonly appealDays?: number;
  /** C6: this many late completions of one department in a row, within `withinDays` calendar days. */
  readonly publicCriticism: { readonly consecutiveLate: number; readonly withinDays: number };
}

export const DEFAULT_TIMELINESS_POLICY: TimelinessPolicy = {
  version: 'default-2026.1',
  warningLeads: [
    { maxLimitDays: 5, leadDays: 1 },
    { maxLimitDays: 10, leadDays: 2 },
    { maxLimitDays: MAX_LIMIT_DAYS, leadDays: 3 }, // T14: no limit is longer than 365 days
  ],
  immediateWarningLeadMinutes: 10,
  redAfterOverdueDays: 3,
  explanationDays: 2,
  supplementNoticeDays: 5,
  referralFollowUpDays: 3,
  complaintDays: 5,
  rectificationDays: 5,
  publicCriticism: { consecutiveLate: 2, withinDays: 30 },
};

/** C1: the warning lead in working days for a promised limit. */
export function warningLeadDays(policy: TimelinessPolicy, limitDays: number): number {
  const row = policy.warningLeads.find((r) => limitDays <= r.maxLimitDays);
  return row ? row.leadDays : policy.warningLeads[policy.warningLeads.length - 1]!.leadDays;
}

/** P6 defaults, for policies recorded before P6. */
export const DEFAULT_CALLBACK_DAYS = 5;
export const DEFAULT_APPEAL_DAYS = 5;
/** T12: art. 44, a licence is issued and delivered within 10 working days of the approval. */
export const STATUTORY_DELIVERY_DAYS = 10;
/** T13: art. 43, the accepting authority reviews and forwards an escalated case within 20 working days. */
export const STATUTORY_PRELIMINARY_REVIEW_DAYS = 20;
/** P5: an invitation to rate is valid this many calendar days. */
export const EVALUATION_INVITATION_DAYS = 30;
