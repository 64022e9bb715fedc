/** The bodies of the intake steps (intake-steps.ts): from the inquiry to the clock (F1, F2, N1–N5, T3–T7). */
import { STATUTORY_SUSPENSION_TYPES } from '#domain/case/case-events.js';
import {
  BooleanField,
  EnumField,
  NestedField,
  NumberField,
  TextField,
  TextListField,
} from '../../validation/dto-field.decorators.js';
import { MaterialListField } from '../../admin/matters/define-matter.dto.js';
import { CommandOptionsDto } from './command-options.dto.js';

export class MaterialRefDto {
  @TextField({ maxLength: 100, description: 'Material code from the matter’s list', example: 'lease' })
  code!: string;

  @TextField({ optional: true, maxLength: 200, example: '场地租赁合同' })
  name?: string;
}

export class ApplicantDto {
  @EnumField(['person', 'company'], { example: 'person' })
  kind!: 'person' | 'company';

  @TextField({ maxLength: 200, example: '张三' })
  name!: string;

  @TextField({
    optional: true,
    maxLength: 40,
    description: 'Personal information (I1): masked except for auditors',
    example: '110101199003071234',
  })
  idNumber?: string;

  @TextField({
    optional: true,
    maxLength: 40,
    description: 'Personal information (I1)',
    example: '13800138000',
  })
  phone?: string;
}

export class RegisterInquiryDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'center-1' })
  centerId!: string;

  @EnumField(['window', 'phone', 'online'], { example: 'window' })
  channel!: 'window' | 'phone' | 'online';

  @NestedField(() => ApplicantDto)
  applicant!: ApplicantDto;

  @TextField({ example: '如何办理食品经营许可？' })
  question!: string;

  @TextField({ optional: true, maxLength: 100, example: 'M-001' })
  matterCode?: string;
}

export class AnswerInquiryDto extends CommandOptionsDto {
  @TextField({ example: '请携带身份证和场地租赁合同到3号窗口办理。' })
  answer!: string;
}

/** F2: department, handler and phone are required by the rule; missing ones answer F2_REFERRAL_WITHOUT_HANDLER. */
export class ReferInquiryDto extends CommandOptionsDto {
  @TextField({ optional: true, maxLength: 100, example: 'dept-market' })
  toDepartmentId?: string;

  @TextField({ optional: true, maxLength: 100, example: 'win-3' })
  toWindowId?: string;

  @TextField({ optional: true, maxLength: 100, example: '王芳' })
  handlerName?: string;

  @TextField({ optional: true, maxLength: 40, example: '0571-88001234' })
  handlerPhone?: string;

  @TextField({ optional: true, example: '食品经营许可由市场监管窗口办理' })
  note?: string;
}

export class SubmitApplicationDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'M-001' })
  matterCode!: string;

  @MaterialListField(() => MaterialRefDto)
  materials!: MaterialRefDto[];
}

export class SupplementItemDto {
  @TextField({ maxLength: 100, example: 'lease' })
  code!: string;

  @TextField({ maxLength: 200, example: '场地租赁合同' })
  name!: string;

  @EnumField(['missing', 'nonconforming'], { example: 'nonconforming' })
  problem!: 'missing' | 'nonconforming';

  @TextField({ optional: true, example: '租赁期限不足一年' })
  note?: string;
}

/** N1–N3: one notice lists everything missing, at once. */
export class RequestSupplementDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'BZ-2026-0001' })
  noticeNo!: string;

  @NestedField(() => SupplementItemDto, { list: true, maxItems: 200 })
  items!: SupplementItemDto[];

  @BooleanField({
    optional: true,
    description: 'N3: this second notice only concerns materials first handed in with the resubmission',
    example: false,
  })
  onlyNewMaterials?: boolean;
}

export class SubmitSupplementDto extends CommandOptionsDto {
  @NestedField(() => MaterialRefDto, {
    list: true,
    maxItems: 200,
    example: [{ code: 'lease', name: '场地租赁合同（续签）' }],
  })
  materials!: MaterialRefDto[];
}

/** N4: written reasons; outside the center's competence, the competent authority. */
export class RejectApplicationDto extends CommandOptionsDto {
  @TextField({ maxLength: 100, example: 'BSL-2026-0001' })
  noticeNo!: string;

  @TextListField({ optional: true, maxItems: 50, example: ['申请事项不属于本机关职权范围'] })
  reasons?: string[];

  @TextField({ optional: true, maxLength: 200, example: '市生态环境局' })
  competentAuthority?: string;

  @BooleanField({
    optional: true,
    description: 'The matter is outside the center’s competence (N4); then competentAuthority is required',
    example: true,
  })
  outsideCompetence?: boolean;
}

/** N5: the receipt number is required by the rule (N5_RECEIPT_NUMBER_REQUIRED when missing). */
export class AcceptApplicationDto extends CommandOptionsDto {
  @TextField({ optional: true, maxLength: 100, example: 'SL-2026-0001' })
  receiptNo?: string;
}

/** T6: type, reason, the time needed as told to the applicant, and when the applicant was told in writing. */
export class SuspendCaseDto extends CommandOptionsDto {
  @TextField({
    maxLength: 40,
    description: `A type of art. 45 (${STATUTORY_SUSPENSION_TYPES.join(', ')}) or a local type the center allows (localSuspensionTypes; flagged LOCAL_SUSPENSION). Otherwise 422 T6_SUSPENSION_TYPE_NOT_ALLOWED.`,
    example: 'expert_review',
  })
  type!: string;

  @TextField({ optional: true, example: '需组织专家评审' })
  reason?: string;

  @NumberField({
    integer: true,
    optional: true,
    description: 'T6: working days needed, as told to the applicant in writing (1–365); required',
    example: 10,
  })
  expectedDays?: number;

  @TextField({ optional: true, maxLength: 40, example: '2026-03-03T10:00:00+08:00' })
  applicantNotifiedAt?: string;
}

export class ResumeCaseDto extends CommandOptionsDto {}

/** T7: once, before the deadline, within the matter's maximum, reason and notification recorded. */
export class GrantExtensionDto extends CommandOptionsDto {
  @NumberField({ integer: true, description: 'Working days', example: 5 })
  days!: number;

  @TextField({ optional: true, example: '需组织专家评审' })
  reason?: string;

  @TextField({ optional: true, maxLength: 40, example: '2026-03-05T15:00:00+08:00' })
  applicantNotifiedAt?: string;

  @EnumField(['sms', 'phone', 'written', 'online'], { example: 'sms' })
  channel!: 'sms' | 'phone' | 'written' | 'online';
}
