import { ApiProperty } from '@nestjs/swagger';
import { BooleanField, EnumField, NestedField, TextField } from '../../validation/dto-field.decorators.js';
import { ConfigurationAnswerSchema } from '../../openapi/recorded-event.schema.js';

export class ComplaintSubjectDto {
  @EnumField(['staff', 'window', 'center', 'case'], { example: 'staff' })
  kind!: 'staff' | 'window' | 'center' | 'case';

  @TextField({
    optional: true,
    maxLength: 100,
    description: 'The staff member, window or case; not for the center',
    example: 'u-window',
  })
  id?: string;

  @TextField({
    optional: true,
    maxLength: 100,
    description: 'The window of a staff member, so P3 counts against it',
    example: 'win-3',
  })
  windowId?: string;

  @TextField({ optional: true, maxLength: 100, example: 'dept-market' })
  departmentId?: string;
}

export class ComplainantDto {
  @TextField({ maxLength: 100, example: '李四' })
  name!: string;

  @TextField({ optional: true, maxLength: 30, example: '13900139000' })
  phone?: string;
}

/** P1: a complaint that need not concern a case. */
export class ReceiveComplaintDto {
  @TextField({ maxLength: 100, example: 'center-1' })
  centerId!: string;

  @EnumField(['window', 'phone', 'online', 'letter', 'hotline'], { example: 'hotline' })
  channel!: 'window' | 'phone' | 'online' | 'letter' | 'hotline';

  @NestedField(() => ComplaintSubjectDto, { example: { kind: 'staff', id: 'u-window', windowId: 'win-3' } })
  subject!: ComplaintSubjectDto;

  @TextField({ optional: true, example: '窗口工作人员拒绝登记我的申请，也不说明理由' })
  content?: string;

  @NestedField(() => ComplainantDto, {
    optional: true,
    description: 'Personal information (I1)',
    example: { name: '李四', phone: '13900139000' },
  })
  complainant?: ComplainantDto;
}

export class ComplaintInvestigationDto {
  @TextField({ optional: true, example: '调取窗口监控录像，约谈当事人' })
  note?: string;
}

export class ComplaintConclusionDto {
  @BooleanField({ example: true })
  substantiated!: boolean;

  @TextField({ optional: true, example: '经调查属实，已对相关工作人员批评教育，感谢您的监督。' })
  reply?: string;
}

export class ComplaintAnswerSchema extends ConfigurationAnswerSchema {
  @ApiProperty({ example: 'TS-20261130-7F3K9Q2M' }) complaintId!: string;
  @ApiProperty({ description: 'P1: the same as complaintId', example: 'TS-20261130-7F3K9Q2M' })
  receiptNo!: string;
  @ApiProperty({
    description:
      'P1: tell the complainant; with the receipt number it opens GET /public/complaints/{receiptNo}',
    example: 'K7Q2M9XP',
  })
  queryCode!: string;
}
