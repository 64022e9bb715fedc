/** The answer of GET /views/cards (API.md "Queries", "Lists"). */
import { ApiProperty } from '@nestjs/swagger';

export class CardExplanationView {
  @ApiProperty({ example: '因申请材料需跨部门核验，导致超期。' }) text!: string;
  @ApiProperty({ example: '2026-03-10T10:00:00+08:00' }) submittedAt!: string;
  @ApiProperty({ example: false, description: 'Submitted after its due time (C5)' }) late!: boolean;
}

export class CardRevocationView {
  @ApiProperty({ example: '系统误判' }) reason!: string;
  @ApiProperty({ example: '2026-03-10T11:00:00+08:00' }) revokedAt!: string;
}

export class CardListItemView {
  @ApiProperty({ example: 'yellow-202603091730' }) cardId!: string;
  @ApiProperty({ example: 'c-2026-000123' }) caseId!: string;
  @ApiProperty({ enum: ['warning', 'yellow', 'red'], example: 'yellow' }) level!: string;
  @ApiProperty({ enum: ['timeliness', 'explanation_overdue'], example: 'timeliness' }) cause!: string;
  @ApiProperty({ example: '2026-03-09T17:31:00+08:00' }) issuedAt!: string;
  @ApiProperty({
    example: '2026-03-09T17:30:00+08:00',
    description: 'The deadline the case was measured against',
  })
  deadline!: string;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ example: 'default-2026.1' }) policyVersion!: string;
  @ApiProperty({ example: -1, description: 'Office minutes left when the card fell due (negative: overdue)' })
  remainingMinutes!: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-03-11T17:30:00+08:00' }) explanationDueAt!:
    string | null;
  @ApiProperty({ example: false }) explained!: boolean;
  @ApiProperty({ type: CardExplanationView, nullable: true }) explanation!: CardExplanationView | null;
  @ApiProperty({ example: false }) revoked!: boolean;
  @ApiProperty({ type: CardRevocationView, nullable: true }) revocation!: CardRevocationView | null;
  @ApiProperty({ example: '00000000000000000750:00000000000000000012' }) position!: string;
}

export class CardsPage {
  @ApiProperty({ type: [CardListItemView] }) items!: CardListItemView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
