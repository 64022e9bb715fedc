/** The answer of GET /views/accountability (API.md "Queries"): a window's quarterly ledger (A2). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LedgerViolationView {
  @ApiProperty({ example: 'OVERDUE:5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) violationId!: string;
  @ApiProperty({ example: 'OVERDUE' }) code!: string;
  @ApiProperty({ example: 'c-2026-000123', description: 'Empty for a complaint without a case (P3)' })
  caseId!: string;
  @ApiPropertyOptional({
    example: 'TS-20261130-7F3K9Q2M',
    description: 'A complaint without a case (P1, P3)',
  })
  complaintId?: string;
  @ApiPropertyOptional({ example: 'u-window' }) staffId?: string;
  @ApiProperty({ example: '2026-03-09T17:31:00+08:00' }) detectedAt!: string;
  @ApiProperty({ type: [String], description: 'Ids of the events that prove it (A1)' }) evidence!: string[];
  @ApiProperty({ example: 2, description: 'Points deducted (A2)' }) deduction!: number;
}

export class WindowLedgerView {
  @ApiProperty({ example: 'win-3' }) windowId!: string;
  @ApiProperty({ example: '2025Q4' }) quarter!: string;
  @ApiProperty({ example: 98, description: '100 at the start of each quarter, less every deduction (A2)' })
  score!: number;
  @ApiProperty({ type: [LedgerViolationView] }) violations!: LedgerViolationView[];
}
