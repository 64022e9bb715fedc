/** The answer of GET /cases (API.md "Queries"): case summaries, the fields of GET /cases/{id} without `cards`. */
import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CaseView } from '../../cases/queries/case-view.js';

export class CaseSummaryView extends OmitType(CaseView, ['cards'] as const) {}

export class CaseSummariesPage {
  @ApiProperty({ type: [CaseSummaryView] }) items!: CaseSummaryView[];
  @ApiProperty({ type: String, nullable: true, example: 'WyIxNzcyNDQ0NjAwMDAwIiwiYy0xIl0' })
  nextCursor!: string | null;
}
