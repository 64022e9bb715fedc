import { parseInstant, toShanghaiIso } from '../calendar/index.js';
import type { Violation, ViolationCode } from './violation.js';

/** A2: points deducted per violation code; configurable per center. */
export type DeductionTable = Readonly<Record<ViolationCode, number>>;

export const DEFAULT_DEDUCTIONS: DeductionTable = {
  LATE_NOTICE: 2,
  REPEATED_NOTICE: 2,
  REJECTION_WITHOUT_REASON: 3,
  REFERRAL_NOT_FOLLOWED: 1,
  OVERDUE: 2,
  SERIOUSLY_OVERDUE: 5,
  EXTENSION_IRREGULAR: 3,
  EXPLANATION_MISSING: 2,
  COMPLAINT_SUBSTANTIATED: 5,
  BAD_REVIEW_NOT_RECTIFIED: 2,
  BACKDATED_ENTRY: 1,
  LATE_DELIVERY: 2,
  LATE_PRELIMINARY_REVIEW: 2,
  // T6, P5: flagged for audit; a local type the center allows, or a rating entered for the applicant,
  // breaks no limit by itself, so it costs nothing unless a center configures otherwise.
  LOCAL_SUSPENSION: 0,
  PROXY_RATING: 0,
  CALLBACK_MISSING: 2,
};

export const QUARTER_START_SCORE = 100;

export interface LedgerEntry {
  readonly violationId: string;
  readonly code: ViolationCode;
  /** Empty for a complaint without a case (P1, P3), which names `complaintId` instead. */
  readonly caseId: string;
  readonly complaintId?: string;
  readonly staffId?: string;
  readonly detectedAt: string;
  readonly evidence: readonly string[];
  readonly deduction: number;
}

export interface WindowLedger {
  readonly windowId: string;
  /** `2025Q4` */
  readonly quarter: string;
  readonly score: number;
  readonly violations: readonly LedgerEntry[];
}

/** The quarter (Asia/Shanghai) an instant falls in, e.g. `2025Q4`. */
export function quarterOf(iso: string): string {
  const local = toShanghaiIso(parseInstant(iso));
  const month = Number(local.slice(5, 7));
  return `${local.slice(0, 4)}Q${Math.ceil(month / 3)}`;
}

/** A2: each window starts each quarter at 100 points; every deduction is explained by its violation. */
export function windowLedger(
  violations: readonly Violation[],
  windowId: string,
  quarter: string,
  deductions: DeductionTable = DEFAULT_DEDUCTIONS,
): WindowLedger {
  const entries: LedgerEntry[] = violations
    .filter((v) => v.windowId === windowId && quarterOf(v.detectedAt) === quarter)
    .sort(
      (a, b) =>
        parseInstant(a.detectedAt) - parseInstant(b.detectedAt) || a.violationId.localeCompare(b.violationId),
    )
    .map((v) => ({
      violationId: v.violationId,
      code: v.code,
      caseId: v.caseId,
      ...(v.complaintId !== undefined && { complaintId: v.complaintId }),
      ...(v.staffId !== undefined && { staffId: v.staffId }),
      detectedAt: v.detectedAt,
      evidence: v.evidence,
      deduction: deductions[v.code],
    }));
  const total = entries.reduce((sum, e) => sum + e.deduction, 0);
  return { windowId, quarter, score: QUARTER_START_SCORE - total, violations: entries };
}
