/** The answers of GET /views/evaluations (P7) and GET /views/rankings (S1, P7, A2), as OpenAPI shows them. */
import { ApiProperty } from '@nestjs/swagger';
import type { EvaluationRates } from '#domain/statistics/evaluation-rates.js';

export class EvaluationRatesView implements EvaluationRates {
  @ApiProperty({ example: 'dept-market', nullable: true, type: String }) departmentId!: string | null;
  @ApiProperty({ example: 'win-3', nullable: true, type: String }) windowId!: string | null;
  @ApiProperty({ example: '2026-11-01' }) from!: string;
  @ApiProperty({ example: '2026-11-30' }) to!: string;
  @ApiProperty({ example: 40 }) ratings!: number;
  @ApiProperty({ description: 'Taken out by upheld appeals (P6), still on the record', example: 1 })
  excludedByAppeal!: number;
  @ApiProperty({ example: 2 }) badReviews!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Scores 4–5 of all', example: 0.9 })
  satisfaction!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Scores 3–5 of all', example: 0.95 })
  basicSatisfaction!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) rectificationRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 1 }) callbackRate!: number | null;
  @ApiProperty({ example: 50 }) completedCases!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.8 }) ratingsPerCompletedCase!: number | null;
}

export class RankingRowView {
  @ApiProperty({ example: 1 }) rank!: number;
  @ApiProperty({ description: 'The department or window', example: 'win-3' }) key!: string;
  @ApiProperty({ type: Number, nullable: true, example: 0.96 }) onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 0.9 }) satisfaction!: number | null;
  @ApiProperty({ example: 0 }) substantiatedComplaints!: number;
  @ApiProperty({ example: 1 }) violations!: number;
  @ApiProperty({ example: 98 }) ledgerScore!: number;
}

export class RankingsView {
  @ApiProperty({ example: '2026-11' }) period!: string;
  @ApiProperty({ enum: ['department', 'window'] }) by!: string;
  @ApiProperty({ type: [RankingRowView] }) rows!: RankingRowView[];
}
