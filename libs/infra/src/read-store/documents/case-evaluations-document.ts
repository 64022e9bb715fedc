/**
 * `case_evaluations` (P7): one document per case that has a scope, what the P7 rates and the
 * rankings read: the case's center, department, window, decision time and ratings. No personal data.
 */
export const CASE_EVALUATIONS = 'case_evaluations';

export interface RatingEntry {
  readonly evaluationNo: number;
  readonly score: number;
  readonly submittedAt: number;
  readonly rectifiedAt?: number;
  readonly calledBackAt?: number;
  readonly appealUpheld?: boolean;
}

export interface CaseEvaluationsDocument {
  readonly _id: string;
  readonly centerId: string | null;
  readonly departmentId: string | null;
  readonly windowId: string | null;
  /** Epoch ms of the decision (办结), or null while undecided. */
  readonly completedAt: number | null;
  readonly onTime: boolean | null;
  readonly evaluations: readonly RatingEntry[];
}
