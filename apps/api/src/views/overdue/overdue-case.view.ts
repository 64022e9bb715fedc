/** The answer of GET /views/overdue (API.md "Queries", "Lists"). */
import { ApiProperty } from '@nestjs/swagger';
import { ApplicantView } from '../../cases/queries/case-view.js';

export class OverdueCaseView {
  @ApiProperty({ example: 'c-2026-000123' }) caseId!: string;
  @ApiProperty({ enum: ['accepted', 'suspended'], example: 'accepted' }) status!: string;
  @ApiProperty({ type: String, nullable: true, example: 'center-1' }) centerId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'M-001' }) matterCode!: string | null;
  @ApiProperty({
    type: ApplicantView,
    nullable: true,
    description: 'Masked unless the reader is an auditor (I1)',
  })
  applicant!: ApplicantView | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-02T10:00:00+08:00' }) acceptedAt!:
    string | null;
  @ApiProperty({ example: '2026-03-09T17:30:00+08:00' }) deadline!: string;
  @ApiProperty({
    enum: ['yellow', 'red'],
    example: 'yellow',
    description: 'Assessed at the moment of the query',
  })
  level!: 'yellow' | 'red';
  @ApiProperty({ example: 75, description: 'Office (working) minutes past the deadline, now (T1, T6)' })
  overdueBy!: number;
  @ApiProperty({ example: 4 }) revision!: number;
  @ApiProperty({ example: '00000000000000000750:00000000000000000012' }) position!: string;
}

export class OverdueCasesPage {
  @ApiProperty({ type: [OverdueCaseView] }) items!: OverdueCaseView[];
  @ApiProperty({ type: String, nullable: true, example: 'WzE3NzI0NDQ2MDAwMDAsMCwiYy0xIl0' })
  nextCursor!: string | null;
}
