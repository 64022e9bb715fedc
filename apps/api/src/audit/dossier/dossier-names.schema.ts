/** OpenAPI shapes of the dossier's names and result (dossier-names.ts, dossier-result.ts). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DossierNameSchema {
  @ApiProperty({ type: String, nullable: true, example: 'center-1' }) code!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '某县政务服务中心' }) name!: string | null;
  @ApiProperty({
    example: true,
    description: 'false: nothing configures a name (departments and windows today); the code is shown',
  })
  configured!: boolean;
}

export class DossierNamesSchema {
  @ApiProperty({ type: DossierNameSchema }) center!: DossierNameSchema;
  @ApiProperty({ type: DossierNameSchema }) matter!: DossierNameSchema;
  @ApiProperty({ type: DossierNameSchema }) department!: DossierNameSchema;
  @ApiProperty({ type: DossierNameSchema }) window!: DossierNameSchema;
  @ApiProperty({ type: DossierNameSchema }) firstResponder!: DossierNameSchema;
}

export class DossierResultSchema {
  @ApiProperty({ enum: ['open', 'completed', 'rejected', 'withdrawn'], example: 'completed' })
  status!: string;
  @ApiProperty({
    example:
      '2026-03-12 17:31 办结：准予许可，决定书编号 JD-0001；超期办结（办公时间超出1170分钟，期限 2026-03-09 17:30）',
  })
  summary!: string;
  @ApiPropertyOptional({ example: '2026-03-12T17:31:00+08:00' }) at?: string;
  @ApiPropertyOptional({ example: '42dd8393-b1d7-4658-bcc0-9aeaa9d915db' }) eventId?: string;
}
