/** A1: the violation codes, each with the rule it comes from. */
export const VIOLATION_RULES = {
  LATE_NOTICE: 'N2',
  REPEATED_NOTICE: 'N3',
  REJECTION_WITHOUT_REASON: 'N4',
  REFERRAL_NOT_FOLLOWED: 'F3',
  OVERDUE: 'C2',
  SERIOUSLY_OVERDUE: 'C3',
  EXTENSION_IRREGULAR: 'T7',
  EXPLANATION_MISSING: 'C5',
  COMPLAINT_SUBSTANTIATED: 'P3',
  BAD_REVIEW_NOT_RECTIFIED: 'P4',
  BACKDATED_ENTRY: 'U2',
  LATE_DELIVERY: 'T12',
  LATE_PRELIMINARY_REVIEW: 'T13',
  LOCAL_SUSPENSION: 'T6',
  PROXY_RATING: 'P5',
  CALLBACK_MISSING: 'P6',
} as const;

export type ViolationCode = keyof typeof VIOLATION_RULES;

export interface Violation {
  /** Stable: the code and the event that proves it last, so re-detection finds the same id. */
  readonly violationId: string;
  readonly code: ViolationCode;
  readonly rule: (typeof VIOLATION_RULES)[ViolationCode];
  /** The case; empty for a complaint without one (P1), which names `complaintId` instead. */
  readonly caseId: string;
  readonly complaintId?: string;
  readonly staffId?: string;
  readonly staffName?: string;
  readonly windowId?: string;
  readonly departmentId?: string;
  /** When the proving event was recorded (Asia/Shanghai ISO). */
  readonly detectedAt: string;
  /** Ids of the events that prove the violation, oldest first (A1). */
  readonly evidence: readonly string[];
}
