import type { EpochMs } from '../calendar/calendar-types.js';
import type { EvaluationRecord } from '../case/case-state.js';
import { inPeriod } from './period.js';

/** What P7 reads of a case (a `CaseState` is one): when it was decided, and its ratings. */
export interface EvaluatedCase {
  readonly completedAt?: EpochMs;
  readonly evaluations: readonly Pick<
    EvaluationRecord,
    'score' | 'submittedAt' | 'rectifiedAt' | 'calledBackAt' | 'appealUpheld'
  >[];
}

/** P7: the 好差评 rates of a department, window and period. Rates are 0..1, null when undefined. */
export interface EvaluationRates {
  /** Ratings counted (an upheld appeal takes a bad review out, P6). */
  readonly ratings: number;
  /** Ratings taken out of the rates by an upheld appeal (still on the record). */
  readonly excludedByAppeal: number;
  readonly badReviews: number;
  /** Scores 4–5 of all ratings. */
  readonly satisfaction: number | null;
  /** Scores 3–5 of all ratings. */
  readonly basicSatisfaction: number | null;
  /** Bad reviews rectified of all bad reviews. */
  readonly rectificationRate: number | null;
  /** Bad reviews called back of all bad reviews. */
  readonly callbackRate: number | null;
  readonly completedCases: number;
  /** Ratings received per case completed (decided) in the period. */
  readonly ratingsPerCompletedCase: number | null;
}

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/** P7 over the given cases: ratings submitted in [from, to), cases decided in [from, to). Pure. */
export function evaluationRates(
  cases: readonly EvaluatedCase[],
  from: EpochMs,
  to: EpochMs,
): EvaluationRates {
  let ratings = 0,
    excluded = 0,
    satisfied = 0,
    basic = 0,
    bad = 0,
    rectified = 0,
    calledBack = 0,
    completed = 0;
  for (const c of cases) {
    if (inPeriod(c.completedAt, from, to)) completed++;
    for (const e of c.evaluations) {
      if (!inPeriod(e.submittedAt, from, to)) continue;
      if (e.appealUpheld === true) {
        excluded++;
        continue;
      }
      ratings++;
      if (e.score >= 4) satisfied++;
      if (e.score >= 3) basic++;
      if (e.score <= 2) {
        bad++;
        if (e.rectifiedAt !== undefined) rectified++;
        if (e.calledBackAt !== undefined) calledBack++;
      }
    }
  }
  return {
    ratings,
    excludedByAppeal: excluded,
    badReviews: bad,
    satisfaction: rate(satisfied, ratings),
    basicSatisfaction: rate(basic, ratings),
    rectificationRate: rate(rectified, bad),
    callbackRate: rate(calledBack, bad),
    completedCases: completed,
    ratingsPerCompletedCase: rate(ratings, completed),
  };
}
