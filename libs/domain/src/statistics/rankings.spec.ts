import { rankRows, type RankingFigures } from './rankings.js';

const row = (key: string, f: Partial<RankingFigures>): RankingFigures => ({
  key,
  onTimeRate: 1,
  satisfaction: 1,
  substantiatedComplaints: 0,
  violations: 0,
  ledgerScore: 100,
  ...f,
});

describe('rankings (S1, P7, A2)', () => {
  it('P7: given windows, then they are ordered by on-time rate, satisfaction, substantiated complaints, violations and ledger score; ties share a rank', () => {
    const ranked = rankRows([
      row('win-slow', { onTimeRate: 0.5 }),
      row('win-complained', { substantiatedComplaints: 1 }),
      row('win-best', {}),
      row('win-best-too', {}),
      row('win-unrated', { satisfaction: null }),
      row('win-none', { onTimeRate: null }),
    ]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['win-best', 1],
      ['win-best-too', 1],
      ['win-complained', 3],
      ['win-unrated', 4],
      ['win-slow', 5],
      ['win-none', 6],
    ]);
  });
});
