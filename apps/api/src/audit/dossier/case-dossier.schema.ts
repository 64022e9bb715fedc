/** Documentation-only classes: the dossier as the OpenAPI document describes it (case-dossier.ts). */
import { DossierNamesSchema, DossierResultSchema } from './dossier-names.schema.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseView } from '../../cases/queries/case-view.js';

export class DossierActorSchema {
  @ApiProperty({ example: 'u-window' }) id!: string;
  @ApiProperty({ example: '窗口王芳' }) name!: string;
  @ApiProperty({ example: 'window' }) role!: string;
  @ApiProperty({ example: '窗口人员' }) roleLabel!: string;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
}

export class DossierEntrySchema {
  @ApiProperty({ example: '0f8c2a4e-6a9b-5c1d-8e2f-3a4b5c6d7e8f' }) eventId!: string;
  @ApiProperty({ example: 3 }) revision!: number;
  @ApiProperty({ example: '00000000000000000750:00000000000000000012' }) position!: string;
  @ApiProperty({ example: 'ApplicationAccepted' }) type!: string;
  @ApiProperty({ example: '受理（承诺办结时间）' }) label!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.000+08:00' }) occurredAt!: string;
  @ApiProperty({ example: '2026-03-02T10:00:00.120+08:00' }) recordedAt!: string;
  @ApiProperty({ type: DossierActorSchema }) actor!: DossierActorSchema;
  @ApiProperty({ description: 'U2: recorded more than 10 minutes after it happened', example: false })
  backdated!: boolean;
  @ApiPropertyOptional({ example: 95 }) backdatedMinutes?: number;
  @ApiPropertyOptional({ example: '系统故障，事后补录' }) lateEntryReason?: string;
  @ApiProperty({ example: 'req-20260302-0001' }) correlationId!: string;
  @ApiProperty({ type: String, nullable: true, example: null }) causationId!: string | null;
  @ApiProperty({ example: '41d8cd98f00b204e9800998ecf8427e…' }) hash!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event’s facts; applicant identifiers masked unless the reader is an auditor (I1)',
    example: { receiptNo: 'SL-2026-0001', deadline: '2026-03-09T17:30:00+08:00' },
  })
  data!: Record<string, unknown>;
  @ApiProperty({
    description: 'The same facts as one Chinese sentence (what the printed dossier shows)',
    example:
      '受理，受理回执编号 SL-2026-0001；承诺件，时限5个工作日，自2026-03-02 10:00起计，承诺办结时间2026-03-09 17:30。',
  })
  summary!: string;
}

export class DossierDeadlineSchema {
  @ApiProperty({ example: '0f8c2a4e-6a9b-5c1d-8e2f-3a4b5c6d7e8f' }) eventId!: string;
  @ApiProperty({
    enum: ['ApplicationAccepted', 'CaseResumed', 'ExtensionGranted'],
    example: 'ExtensionGranted',
  })
  type!: string;
  @ApiProperty({ example: '延期' }) label!: string;
  @ApiProperty({ example: '2026-03-06T10:00:00.000+08:00' }) setAt!: string;
  @ApiProperty({ example: '2026-03-12T17:30:00+08:00' }) deadline!: string;
  @ApiPropertyOptional({ example: '2026-03-09T17:30:00+08:00' }) previousDeadline?: string;
  @ApiPropertyOptional({ example: 5 }) limitDays?: number;
  @ApiPropertyOptional({ example: 30 }) limitMinutes?: number;
  @ApiPropertyOptional({ example: 3 }) extensionDays?: number;
  @ApiPropertyOptional({ example: 120 }) suspendedOfficeMinutes?: number;
  @ApiPropertyOptional({ example: '需现场核查' }) reason?: string;
  @ApiPropertyOptional({ example: '2026-03-06T10:05:00+08:00' }) applicantNotifiedAt?: string;
  @ApiPropertyOptional({ example: 'sms' }) channel?: string;
  @ApiProperty({ example: 'chinese-days@1.5.7' }) calendarVersion!: string;
  @ApiProperty({ example: 'default-2026.1' }) policyVersion!: string;
  @ApiProperty({ example: false }) provisional!: boolean;
}

export class DossierExplanationSchema {
  @ApiProperty({ example: 'yellow-202603091730' }) cardId!: string;
  @ApiProperty({ example: '因需跨部门核验，导致超期。' }) text!: string;
  @ApiProperty({ example: false }) late!: boolean;
  @ApiProperty({ example: '2026-03-10T10:00:00.000+08:00' }) at!: string;
  @ApiProperty({ type: DossierActorSchema }) by!: DossierActorSchema;
  @ApiProperty({ example: '7a1b2c3d-0000-5000-8000-000000000002' }) eventId!: string;
}

export class DossierRevocationSchema {
  @ApiProperty({ example: '系统误判' }) reason!: string;
  @ApiProperty({ example: '2026-03-10T09:00:00.000+08:00' }) at!: string;
  @ApiProperty({ type: DossierActorSchema }) by!: DossierActorSchema;
  @ApiProperty({ example: '7a1b2c3d-0000-5000-8000-000000000003' }) eventId!: string;
}

export class DossierCardSchema {
  @ApiProperty({ example: 'yellow-202603091730' }) cardId!: string;
  @ApiProperty({ enum: ['warning', 'yellow', 'red'], example: 'yellow' }) level!: string;
  @ApiProperty({ example: '黄牌' }) levelLabel!: string;
  @ApiProperty({ enum: ['timeliness', 'explanation_overdue'], example: 'timeliness' }) cause!: string;
  @ApiProperty({ example: '2026-03-09T17:30:00+08:00' }) deadline!: string;
  @ApiProperty({ example: '2026-03-09T17:31:00.000+08:00' }) issuedAt!: string;
  @ApiProperty({ example: 'default-2026.1' }) policyVersion!: string;
  @ApiProperty({ example: -1 }) remainingMinutes!: number;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiPropertyOptional({ example: '2026-03-11T17:30:00+08:00' }) explanationDueAt?: string;
  @ApiPropertyOptional({ type: DossierExplanationSchema }) explanation?: DossierExplanationSchema;
  @ApiPropertyOptional({ type: DossierRevocationSchema }) revocation?: DossierRevocationSchema;
  @ApiProperty({ example: '7a1b2c3d-0000-5000-8000-000000000004' }) eventId!: string;
  @ApiProperty({
    type: [String],
    description: 'The event that set the deadline the card measures, then the card’s own event',
    example: ['0f8c2a4e-6a9b-5c1d-8e2f-3a4b5c6d7e8f', '7a1b2c3d-0000-5000-8000-000000000004'],
  })
  causedBy!: string[];
}

export class DossierStepFlagSchema {
  @ApiProperty({ example: 'explanation' }) step!: string;
  @ApiProperty({ example: '书面说明超时（C5）' }) stepLabel!: string;
  @ApiProperty({ example: 'yellow-202603091730' }) ref!: string;
  @ApiProperty({ example: '2026-03-11T17:30:00+08:00' }) dueAt!: string;
  @ApiProperty({ example: '2026-03-12T17:31:00.000+08:00' }) flaggedAt!: string;
  @ApiProperty({ example: '7a1b2c3d-0000-5000-8000-000000000005' }) eventId!: string;
}

export class DossierEvidenceSchema {
  @ApiProperty({ example: '0f8c2a4e-6a9b-5c1d-8e2f-3a4b5c6d7e8f' }) eventId!: string;
  @ApiProperty({ type: Number, nullable: true, example: 3 }) revision!: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'ApplicationAccepted' }) type!: string | null;
  @ApiProperty({ example: '受理（承诺办结时间）' }) label!: string;
}

export class DossierViolationSchema {
  @ApiProperty({ example: 'OVERDUE:7a1b2c3d-0000-5000-8000-000000000004' }) violationId!: string;
  @ApiProperty({ example: 'OVERDUE' }) code!: string;
  @ApiProperty({ example: '超期（黄牌）' }) label!: string;
  @ApiProperty({ example: 'C2' }) rule!: string;
  @ApiProperty({ type: String, nullable: true, example: 'u-window' }) staffId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '窗口王芳' }) staffName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'win-3' }) windowId!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'dept-market' }) departmentId!: string | null;
  @ApiProperty({ example: '2026-03-09T17:31:00.000+08:00' }) detectedAt!: string;
  @ApiProperty({ type: [DossierEvidenceSchema] }) evidence!: DossierEvidenceSchema[];
}

export class DossierActionSchema {
  @ApiProperty({ example: 'b3c1…' }) actionId!: string;
  @ApiProperty({ example: 'OVERDUE:7a1b2c3d-0000-5000-8000-000000000004' }) violationId!: string;
  @ApiProperty({ example: 'criticism' }) action!: string;
  @ApiProperty({ example: '批评教育' }) actionLabel!: string;
  @ApiProperty({ example: '约谈窗口负责人' }) note!: string;
  @ApiProperty({ example: '2026-03-13T10:00:00.000+08:00' }) at!: string;
  @ApiProperty({ type: DossierActorSchema }) by!: DossierActorSchema;
  @ApiProperty({ example: '7a1b2c3d-0000-5000-8000-000000000006' }) eventId!: string;
}

export class DossierRecommendationSchema {
  @ApiProperty({ example: 'dept-market' }) departmentId!: string;
  @ApiProperty({ type: [String], example: ['case-a', 'case-b'] }) lateCaseIds!: string[];
  @ApiProperty({ example: 'default-2026.1' }) policyVersion!: string;
  @ApiProperty({ example: '2026-03-20T10:00:00.000+08:00' }) at!: string;
  @ApiProperty({ example: '7a1b2c3d-0000-5000-8000-000000000007' }) eventId!: string;
}

export class DossierIntegritySchema {
  @ApiProperty({ example: true }) ok!: boolean;
  @ApiProperty({ example: 9 }) checked!: number;
  @ApiPropertyOptional({ example: 3 }) firstBrokenRevision?: number;
}

export class DossierReaderSchema {
  @ApiProperty({ example: 'u-audit' }) id!: string;
  @ApiProperty({ example: '纪检孙丽' }) name!: string;
  @ApiProperty({ example: 'auditor' }) role!: string;
}

export class CaseDossierSchema {
  @ApiProperty({ example: '5b1f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f' }) caseId!: string;
  @ApiProperty({ example: '2026-03-13T10:00:00+08:00' }) generatedAt!: string;
  @ApiProperty({ type: DossierReaderSchema }) reader!: DossierReaderSchema;
  @ApiProperty({
    description: 'I1: applicant identifiers masked (every reader but auditors)',
    example: false,
  })
  personalDataMasked!: boolean;
  @ApiProperty({ type: CaseView }) case!: CaseView;
  @ApiProperty({ type: DossierNamesSchema }) names!: DossierNamesSchema;
  @ApiProperty({ type: DossierResultSchema }) result!: DossierResultSchema;
  @ApiProperty({ type: [DossierDeadlineSchema] }) deadlines!: DossierDeadlineSchema[];
  @ApiProperty({ type: [DossierCardSchema] }) cards!: DossierCardSchema[];
  @ApiProperty({ type: [DossierExplanationSchema] }) explanations!: DossierExplanationSchema[];
  @ApiProperty({ type: [DossierStepFlagSchema] }) stepFlags!: DossierStepFlagSchema[];
  @ApiProperty({ type: [DossierViolationSchema] }) violations!: DossierViolationSchema[];
  @ApiProperty({ type: [DossierActionSchema] }) accountabilityActions!: DossierActionSchema[];
  @ApiProperty({ type: [DossierRecommendationSchema] }) publicCriticism!: DossierRecommendationSchema[];
  @ApiProperty({ type: DossierIntegritySchema }) integrity!: DossierIntegritySchema;
  @ApiProperty({ type: [DossierEntrySchema] }) timeline!: DossierEntrySchema[];
}
