/** A back-dated entry as GET /views/audit/backdated answers it (U2). */
import { ApiProperty } from '@nestjs/swagger';
import { EnvelopeActorSchema } from '../../openapi/recorded-event.schema.js';

export class BackdatedEntryView {
  @ApiProperty({ example: '0f8c2a4e-6a9b-5c1d-8e2f-3a4b5c6d7e8f' }) eventId!: string;
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ example: 'ApplicationAccepted' }) eventType!: string;
  @ApiProperty({ example: 3 }) revision!: number;
  @ApiProperty({ example: '2026-03-02T09:30:00.000+08:00' }) occurredAt!: string;
  @ApiProperty({ example: '2026-03-02T11:05:00.000+08:00' }) recordedAt!: string;
  @ApiProperty({ description: 'recordedAt − occurredAt in whole minutes (more than 10)', example: 95 })
  gapMinutes!: number;
  @ApiProperty({ type: String, nullable: true, example: '系统故障，事后补录' }) lateEntryReason!:
    string | null;
  @ApiProperty({ type: EnvelopeActorSchema }) actor!: EnvelopeActorSchema;
}

export class BackdatedEntriesPage {
  @ApiProperty({ type: [BackdatedEntryView] }) items!: BackdatedEntryView[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page; null on the last',
    example: 'MTc3MjQyMjcwMDAwMHwwZjhjMmE0ZQ',
  })
  nextCursor!: string | null;
}
