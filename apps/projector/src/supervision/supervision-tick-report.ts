/** What one supervision tick did: logged by the loop, asserted by tests, measured by the bench. */
export interface SupervisionTickReport {
  /** The instant the tick judged against (the clock port's now), ISO with +08:00. */
  readonly now: string;
  /** Cases the due-case query named. */
  readonly due: number;
  /** Cases to which something was appended. */
  readonly supervised: number;
  /** Events appended (cards, warnings, flags, recommendations). */
  readonly appended: number;
  /** Cases with nothing due after all (a stale view, or another loop wrote first). */
  readonly nothingDue: number;
  /** Cases another writer moved meanwhile: looked at again next tick. */
  readonly conflicts: number;
  /** Cases that failed unexpectedly (logged); looked at again next tick. */
  readonly failed: number;
  /** Complaints without a case past their limit that the due-complaint query named (T10, P2). */
  readonly complaintsDue: number;
  /** Overdue flags appended to complaints without a case (T10, P2). */
  readonly complaintFlags: number;
  /** Late completions examined for C6, and recommendations recorded. */
  readonly lateCompletions: number;
  readonly recommendations: number;
  readonly durationMs: number;
}
