/** The figures a department or window is ranked by for a month or quarter (API.md `/views/rankings`). */
export interface RankingFigures {
  readonly key: string;
  /** S1: completed on time of completed; null when nothing was completed. */
  readonly onTimeRate: number | null;
  /** P7: scores 4–5 of all counted ratings; null without ratings. */
  readonly satisfaction: number | null;
  readonly substantiatedComplaints: number;
  readonly violations: number;
  /** A2: the window's ledger score (a department's: the mean of its windows). */
  readonly ledgerScore: number;
}

export type RankedRow = RankingFigures & { readonly rank: number };

const desc = (a: number | null, b: number | null): number => (b ?? -1) - (a ?? -1);

/**
 * Orders rows best first: higher on-time rate, then higher satisfaction, then fewer substantiated
 * complaints, fewer violations, higher ledger score; ties share a rank. A rate that cannot be
 * computed ranks below every computed one. Pure.
 */
export function rankRows(rows: readonly RankingFigures[]): RankedRow[] {
  const compare = (a: RankingFigures, b: RankingFigures): number =>
    desc(a.onTimeRate, b.onTimeRate) ||
    desc(a.satisfaction, b.satisfaction) ||
    a.substantiatedComplaints - b.substantiatedComplaints ||
    a.violations - b.violations ||
    b.ledgerScore - a.ledgerScore;
  const sorted = [...rows].sort((a, b) => compare(a, b) || a.key.localeCompare(b.key));
  const out: RankedRow[] = [];
  sorted.forEach((row, i) => {
    const previous = out[i - 1];
    const rank = previous && compare(sorted[i - 1]!, row) === 0 ? previous.rank : i + 1;
    out.push({ ...row, rank });
  });
  return out;
}
