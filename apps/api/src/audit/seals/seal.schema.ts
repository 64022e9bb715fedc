/** Documentation-only classes: the seal answers as the OpenAPI document describes them (U7). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class SealedBySchema {
  @ApiProperty({ example: 'u-auditor' }) id!: string;
  @ApiProperty({ example: '纪检员李明' }) name!: string;
  @ApiProperty({ example: 'auditor' }) role!: string;
}

export class SealSchema {
  @ApiProperty({ format: 'uuid', example: '6b0e2f5c-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) sealId!: string;
  @ApiProperty({ example: 12 }) sealNo!: number;
  @ApiProperty({ example: '2026-03-02T10:00:00.000+08:00' }) sealedAt!: string;
  @ApiProperty({ example: '5d1c…', description: 'SM3 Merkle root over every stream head' })
  merkleRoot!: string;
  @ApiProperty({ example: 100000 }) streamCount!: number;
  @ApiProperty({ example: 'a3f0…' }) previousDigest!: string;
  @ApiProperty({ example: '9e2b…' }) digest!: string;
  @ApiProperty({ enum: ['sm3'] }) algorithm!: string;
  @ApiProperty({ example: 4096 }) buckets!: number;
  @ApiProperty({ example: 37, description: 'Streams whose head moved since the previous seal' })
  changedStreams!: number;
  @ApiProperty({ example: 11 }) revision!: number;
  @ApiProperty({ example: '00000000000000000750:00000000000000000012' }) position!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.010+08:00' }) recordedAt!: string;
  @ApiProperty({ type: SealedBySchema }) sealedBy!: SealedBySchema;
}

export class SealsPageSchema {
  @ApiProperty({ type: [SealSchema] }) items!: SealSchema[];
  @ApiProperty({ type: String, nullable: true, example: null }) nextCursor!: string | null;
}

class SealProblemSchema {
  @ApiProperty({ example: 'case-5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) streamId!: string;
  @ApiProperty({ enum: ['missing', 'truncated', 'altered'] }) problem!: string;
  @ApiProperty({ example: 4 }) sealedRevision!: number;
  @ApiPropertyOptional({ example: 3 }) foundRevision?: number;
  @ApiPropertyOptional({ example: 1, description: 'altered: the first revision whose hash link breaks (U3)' })
  firstBrokenRevision?: number;
}

export class SealVerificationSchema {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ example: 24 }) sealsChecked!: number;
  @ApiProperty({ example: 100000 }) streamsChecked!: number;
  @ApiProperty({ type: [SealProblemSchema] }) problems!: SealProblemSchema[];
}
