import type { IndexDescription } from 'mongodb';

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
  /** Epoch ms of the latest rating, or null: with `completedAt`, what bounds a period's reads (P7). */
  readonly lastRatedAt: number | null;
  readonly evaluations: readonly RatingEntry[];
}

/**
 * The indexes of `case_evaluations`: the P7 rates and the rankings read the cases of a period, those
 * decided in it and those rated since its start, within a center (supervisor) or all (auditor);
 * each range ends in `_id`. Department and window filters narrow what the range reads.
 */
export const CASE_EVALUATION_INDEXES: readonly IndexDescription[] = [
  { name: 'center_completed', key: { centerId: 1, completedAt: 1, _id: 1 } },
  { name: 'center_rated', key: { centerId: 1, lastRatedAt: 1, _id: 1 } },
  { name: 'completed', key: { completedAt: 1, _id: 1 } },
  { name: 'rated', key: { lastRatedAt: 1, _id: 1 } },
];
