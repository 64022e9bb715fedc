/** Documentation-only classes: the answers of the API as the OpenAPI document describes them. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REFUSAL_CATALOG } from '#domain/errors/refusal-catalog.js';

export class EnvelopeActorSchema {
  @ApiProperty({ example: 'u-window' }) id!: string;
  @ApiProperty({ example: '窗口王芳' }) name!: string;
  @ApiProperty({ example: 'window' }) role!: string;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
}

export class IntegritySchema {
  @ApiProperty({
    enum: ['sm3', 'sha256'],
    example: 'sm3',
    description:
      'U8: the hash algorithm of this event; sha256 for events stored before SM3 became the default',
  })
  alg!: string;
  @ApiProperty({ example: '9f2c…' }) prevHash!: string;
  @ApiProperty({ example: '41d8…' }) hash!: string;
  @ApiPropertyOptional({
    enum: ['sha256'],
    description: 'U8: present on the first event of a chain after it switched algorithm: the one it replaced',
  })
  switchedFrom?: string;
}

export class RecordedEventSchema {
  @ApiProperty({ format: 'uuid', example: '0f8c2a4e-6a9b-5c1d-8e2f-3a4b5c6d7e8f' }) eventId!: string;
  @ApiProperty({ example: 'ApplicationAccepted' }) type!: string;
  @ApiProperty({ example: 1 }) schemaVersion!: number;
  @ApiProperty({ example: 'case-5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) streamId!: string;
  @ApiProperty({ example: 2 }) revision!: number;
  @ApiProperty({
    description: 'Global position, opaque and ordered',
    example: '00000000000000000750:00000000000000000012',
  })
  position!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000+08:00' }) occurredAt!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.120+08:00' }) recordedAt!: string;
  @ApiProperty({ type: EnvelopeActorSchema }) actor!: EnvelopeActorSchema;
  @ApiProperty({ example: 'c3d4e5f6-0000-4000-8000-000000000001' }) correlationId!: string;
  @ApiProperty({ type: String, nullable: true, example: '7a1b2c3d-0000-5000-8000-000000000002' })
  causationId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      receiptNo: 'SL-2026-0001',
      kind: 'promised',
      limitDays: 5,
      clockStartsAt: '2026-03-02T10:00:00+08:00',
      deadline: '2026-03-09T17:30:00+08:00',
      calendarVersion: 'chinese-days@1.5.7',
      policyVersion: 'default-2026.1',
      provisional: false,
    },
  })
  data!: Record<string, unknown>;
  @ApiProperty({ type: IntegritySchema }) integrity!: IntegritySchema;
}

export class CommandAnswerSchema {
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ description: 'The case stream’s revision after the command; also the ETag', example: 2 })
  revision!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as minPosition to wait for the views',
    example: '00000000000000000750:00000000000000000012',
  })
  position!: string | null;
  @ApiProperty({ type: [RecordedEventSchema] }) events!: RecordedEventSchema[];
}

export class ConfigurationAnswerSchema {
  @ApiProperty({ example: 'center-center-1' }) streamId!: string;
  @ApiProperty({ example: 0 }) revision!: number;
  @ApiProperty({ type: String, nullable: true, example: '00000000000000000750:00000000000000000003' })
  position!: string | null;
  @ApiProperty({ type: [RecordedEventSchema] }) events!: RecordedEventSchema[];
}

export class FieldErrorSchema {
  @ApiProperty({ example: 'receiptNo' }) field!: string;
  @ApiProperty({ example: 'An acceptance records the receipt number (N5).' }) message!: string;
}

export class ProblemDetailsSchema {
  @ApiProperty({ example: '/problems/N5_RECEIPT_NUMBER_REQUIRED' }) type!: string;
  @ApiProperty({
    description: 'Chinese, for the screen',
    example: REFUSAL_CATALOG.N5_RECEIPT_NUMBER_REQUIRED.title,
  })
  title!: string;
  @ApiProperty({ example: 422 }) status!: number;
  @ApiProperty({
    description: 'English, for developers',
    example: 'An acceptance records the receipt number (N5).',
  })
  detail!: string;
  @ApiProperty({ description: 'The rule broken, or a generic code', example: 'N5_RECEIPT_NUMBER_REQUIRED' })
  code!: string;
  @ApiPropertyOptional({ type: [FieldErrorSchema] }) errors?: FieldErrorSchema[];
}
